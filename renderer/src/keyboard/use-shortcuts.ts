import { useEffect, useRef } from 'react';
import { chordOf, isSingleCharacterShortcut, resolveAction, scoreLevelOf } from '../../../shared/keyboard/keymap';
import type { Keymap, ShortcutAction } from '../../../shared/keyboard/keymap';

const textInputTypes = new Set(['text', 'search', 'email', 'number', 'password', 'url', 'tel']);

/** Typing targets: a single-character shortcut must never fire while the assessor types (WCAG 2.1.4). */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && textInputTypes.has(target.type);
}

/**
 * Widgets that read some keys themselves (a listbox's arrows, a separator's arrows) say so with
 * `data-local-keys="ArrowLeft ArrowRight"`; those keys are theirs while they have focus.
 */
function isLocalKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  const owner = target.closest('[data-local-keys]');
  return !!owner && (owner.getAttribute('data-local-keys') ?? '').split(' ').includes(key === ' ' ? 'Space' : key);
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
      const handled = level !== null ? on.onScoreLevel(level) : ((action) => action !== null && on.onAction(action))(resolveAction(map, chord));
      if (handled) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
