import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/contract/methods';
import { useContractMutation } from '../data/contract-mutation';
import { describeFailure } from '../errors';
import { formatBytes } from '../format';
import { setRetention } from './mutations';

const retentionChoices = [0, 1, 3, 7, 14, 30, 90];

/** Space the evidence takes, and how long it stays once its decision has synced (evidence shows minors). */
export function StorageSettings({ storage }: { storage: SyncStatus['storage'] }): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const retention = useContractMutation(setRetention);
  const [message, setMessage] = useState('');
  const choices = retentionChoices.includes(storage.retentionDays) ? retentionChoices : [...retentionChoices, storage.retentionDays].sort((a, b) => a - b);
  return (
    <div className="storage-settings">
      <p className="hint">{t('hosted.storageUsage', { used: formatBytes(storage.evidenceBytes, t), free: formatBytes(storage.freeBytes, t) })}</p>
      <label htmlFor={`${id}-retention`}>{t('hosted.retention.label')}</label>{' '}
      <select
        id={`${id}-retention`}
        value={storage.retentionDays}
        disabled={retention.isPending}
        onChange={(event) =>
          retention.mutate({ days: Number(event.target.value) }, { onSuccess: () => setMessage(t('hosted.retention.saved')), onError: (error) => setMessage(describeFailure(error, t)) })
        }
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
