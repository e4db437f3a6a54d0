import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/contract/methods';
import { useClient } from '../client-context';
import { describeError } from '../errors';
import { formatBytes } from '../format';
import { useAction } from '../use-action';

const retentionChoices = [0, 1, 3, 7, 14, 30, 90];

/** Space the evidence takes, and how long it stays once its decision has synced (evidence shows minors). */
export function StorageSettings({ storage, onStatus }: { storage: SyncStatus['storage']; onStatus: (status: SyncStatus) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const client = useClient();
  const id = useId();
  const { busy, message, run } = useAction();
  const choices = retentionChoices.includes(storage.retentionDays) ? retentionChoices : [...retentionChoices, storage.retentionDays].sort((a, b) => a - b);
  return (
    <div className="storage-settings">
      <p className="hint">{t('hosted.storageUsage', { used: formatBytes(storage.evidenceBytes, t), free: formatBytes(storage.freeBytes, t) })}</p>
      <label htmlFor={`${id}-retention`}>{t('hosted.retention.label')}</label>{' '}
      <select
        id={`${id}-retention`}
        value={storage.retentionDays}
        disabled={busy}
        onChange={(event) => {
          const days = Number(event.target.value);
          void run(async () => {
            const result = await client.invoke('storage.setRetention', { days });
            if (!result.ok) return describeError(result.error, t);
            onStatus(result.value);
            return t('hosted.retention.saved');
          });
        }}
      >
        {choices.map((days) => (
          <option key={days} value={days}>
            {days === 0 ? t('hosted.retention.atOnce') : t('hosted.retention.days', { count: days })}
          </option>
        ))}
      </select>
      <p role="status" className="hint">
        {message}
      </p>
    </div>
  );
}
