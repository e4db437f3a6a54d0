import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeChord } from './key-names';
import { chordOf, defaultKeymap, remap, shortcutActions } from '../../../shared/keyboard/keymap';
import type { Keymap, ShortcutAction } from '../../../shared/keyboard/keymap';
import { DialogClose, ModalDialog } from '../dialog/ModalDialog';

interface Props {
  open: boolean;
  keymap: Keymap;
  onOpenChange: (open: boolean) => void;
  onKeymap: (keymap: Keymap) => void;
}

/** The shortcut sheet ("?"): every action and its keys; any action can be given another key. */
export function ShortcutSheet({ open, keymap, onOpenChange, onKeymap }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [capturing, setCapturing] = useState<ShortcutAction | null>(null);
  /** What the last change did, said beside the row it was made in (the sheet scrolls: a word at its top is out of sight). */
  const [message, setMessage] = useState<{ action: ShortcutAction | null; text: string }>({ action: null, text: '' });

  const capture = (event: React.KeyboardEvent, action: ShortcutAction): void => {
    if (event.key === 'Escape' || event.key === 'Tab') {
      setCapturing(null);
      return;
    }
    const chord = chordOf(event.nativeEvent);
    if (!chord) return;
    event.preventDefault();
    event.stopPropagation();
    const result = remap(keymap, action, chord);
    setCapturing(null);
    if (result.ok) {
      onKeymap(result.keymap);
      setMessage({ action, text: t('shortcuts.changed', { action: t(`shortcuts.actions.${action}`), keys: describeChord(chord, t) }) });
    } else {
      setMessage({ action, text: result.reason === 'reserved' ? t('shortcuts.reserved', { keys: describeChord(chord, t) }) : t('shortcuts.taken', { keys: describeChord(chord, t), action: t(`shortcuts.actions.${result.takenBy ?? action}`) }) });
    }
  };

  return (
    <ModalDialog title={t('shortcuts.title')} description={t('shortcuts.description')} open={open} onOpenChange={onOpenChange} className="shortcut-sheet">
      <p className="hint" aria-live="polite">
        {message.action === null && message.text}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.action')}</th>
            <th scope="col">{t('shortcuts.keys')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('shortcuts.change')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('shortcuts.scoreLevel')}</th>
            <td>
              <kbd>1</kbd>–<kbd>9</kbd>
            </td>
            <td />
          </tr>
          <tr>
            <th scope="row">{t('shortcuts.finishComment')}</th>
            <td>
              <kbd>{describeChord('Ctrl+Enter', t)}</kbd>
            </td>
            <td />
          </tr>
          <tr>
            <th scope="row">{t('shortcuts.leaveField')}</th>
            <td>
              <kbd>{describeChord('Escape', t)}</kbd>
            </td>
            <td />
          </tr>
          <tr>
            {/* The toasts' region takes the focus on F8 (Radix Toast's hotkey): Undo is a Tab away. */}
            <th scope="row">{t('shortcuts.reachToast')}</th>
            <td>
              <kbd>F8</kbd>
            </td>
            <td />
          </tr>
          {shortcutActions.map((action) => (
            <tr key={action}>
              <th scope="row">{t(`shortcuts.actions.${action}`)}</th>
              <td>
                {keymap[action].map((chord) => (
                  <kbd key={chord}>{describeChord(chord, t)}</kbd>
                ))}
              </td>
              <td>
                <button
                  type="button"
                  aria-label={t('shortcuts.changeNamed', { action: t(`shortcuts.actions.${action}`) })}
                  onClick={() => setCapturing(action)}
                  onKeyDown={capturing === action ? (event) => capture(event, action) : undefined}
                  onBlur={() => setCapturing((current) => (current === action ? null : current))}
                >
                  {capturing === action ? t('shortcuts.pressKey') : t('shortcuts.change')}
                </button>
                {message.action === action && (
                  <span className="hint row-message" role="status">
                    {message.text}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <button
          type="button"
          onClick={() => {
            onKeymap(defaultKeymap);
            setMessage({ action: null, text: t('shortcuts.resetDone') });
          }}
        >
          {t('shortcuts.reset')}
        </button>
        <DialogClose asChild>
          <button type="button">{t('common.close')}</button>
        </DialogClose>
      </div>
    </ModalDialog>
  );
}
