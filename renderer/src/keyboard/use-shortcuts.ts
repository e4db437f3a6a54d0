import { useEffect, useRef } from 'react';
import { chordOf, isSingleCharacterShortcut, repeatableActions, resolveAction, scoreLevelOf } from '../../../shared/keyboard/keymap';
import type { Keymap, ShortcutAction } from '../../../shared/keyboard/keymap';

const textInputTypes = new Set(['text', 'search', 'email', 'number', 'password', 'url', 'tel']);

/** Typing targets: a single-character shortcut must never fire while the assessor types (WCAG 2.1.4). */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && textInputTypes.has(target.type);
}

/**
 * The keys standard widgets read themselves while they have focus (WAI-ARIA's keyboard patterns): a
 * picker's or menu's arrows, Enter and Space, a tab strip's, a toggle group's and a slider's arrows.
 * Ours would take them first (the listener captures), so the language picker never moved and a
 * focused tab, filter or volume slider seeked the video or stepped the rubric.
 */
const widgetKeys: [selector: string, keys: readonly string[]][] = [
  ['[role="combobox"], [role="listbox"], [role="option"], [role="menu"], [role="menuitem"]', ['ArrowUp', 'ArrowDown', 'Home', 'End', 'Enter', 'Space']],
  ['[role="tab"]', ['ArrowLeft', 'ArrowRight', 'Home', 'End', 'Enter', 'Space']],
  // A toggle group's items (the queue's filter) and a slider (the player's volume and progress).
  ['[role="radio"]', ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Space']],
  ['[role="slider"]', ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']],
];

/**
 * Keys a focused widget reads itself: the standard widgets' (above), and those our own widgets (a
 * separator's arrows, the comment editor's chips) name with `data-local-keys="ArrowLeft ArrowRight"`.
 */
function isLocalKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  const name = key === ' ' ? 'Space' : key;
  if (widgetKeys.some(([selector, keys]) => keys.includes(name) && target.closest(selector))) return true;
  const owner = target.closest('[data-local-keys]');
  return !!owner && (owner.getAttribute('data-local-keys') ?? '').split(' ').includes(name);
}

export interface ShortcutHandlers {
  onAction: (action: ShortcutAction) => boolean;
  onScoreLevel: (level: number) => boolean;
}

/**
 * One keydown listener for the whole window. Handled keys stop there, so the browser's own reading
 * (a radio's arrows, a button's Space) does not also act on them.
 */
export function useShortcuts(keymap: Keymap, handlers: ShortcutHandlers, enabled: boolean): void {
  const latest = useRef({ keymap, handlers, enabled });
  useEffect(() => {
    latest.current = { keymap, handlers, enabled };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const { keymap: map, handlers: on, enabled: active } = latest.current;
      if (!active || event.defaultPrevented || event.isComposing) return;
      // Modal dialogs own the keyboard while open.
      if (document.querySelector('[role="dialog"][data-state="open"]')) return;
      const typing = isTextEntry(event.target);
      // Esc leaves the field being typed in, so the single-key shortcuts work again (a form that
      // reads Esc itself, such as the comment editor, still gets it).
      if (event.key === 'Escape' && typing && event.target instanceof HTMLElement) {
        event.target.blur();
        return;
      }
      const chord = chordOf(event);
      if (!chord || isLocalKey(event.target, event.key)) return;
      if (typing && isSingleCharacterShortcut(chord)) return;
      const level = typing ? null : scoreLevelOf(event);
      const action = level === null ? resolveAction(map, chord) : null;
      // A key held down repeats: seeking, stepping and moving through criteria may, a decision or any
      // other act may not (a held Award decided one submission after another, unseen).
      if (event.repeat && (level !== null || (action !== null && !repeatableActions.has(action)))) {
        event.preventDefault();
        event.stopPropagation();
        return;
      }
      const handled = level !== null ? on.onScoreLevel(level) : action !== null && on.onAction(action);
      if (handled) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
