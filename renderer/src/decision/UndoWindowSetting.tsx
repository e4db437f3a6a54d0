import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../workspace/use-preferences';

const choices = [0, 5, 10, 20, 30, 60];

/** How long a decision waits, undoable, before it may leave for the server (0–60 s). */
export function UndoWindowSetting(): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const preferences = usePreferences();
  const shown = choices.includes(preferences.undoWindowSeconds) ? choices : [...choices, preferences.undoWindowSeconds].sort((a, b) => a - b);
  return (
    <div className="undo-window-setting">
      <label htmlFor={id}>{t('decision.undoWindow.label')}</label>{' '}
      <select id={id} value={preferences.undoWindowSeconds} onChange={(event) => preferences.update({ undoWindowSeconds: Number(event.target.value) })}>
        {shown.map((seconds) => (
          <option key={seconds} value={seconds}>
            {seconds === 0 ? t('decision.undoWindow.none') : t('decision.undoWindow.seconds', { count: seconds })}
          </option>
        ))}
      </select>
    </div>
  );
}
