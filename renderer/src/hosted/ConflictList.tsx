import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictChoice, SyncConflict, SyncStatus } from '../../../shared/contract/methods';
import { useClient } from '../client-context';
import { useContractQuery } from '../data/contract-query';
import { queryKeyOf } from '../data/contract-reads';
import { describeError } from '../errors';
import { formatDateTime } from '../format';

/**
 * Decisions the server refused, each with the server's reason and the assessor's choice: keep the
 * scores as a note for the lead, or discard them. Nothing leaves this list without a choice.
 */
export function ConflictList({ count, onStatus }: { count: number; onStatus: (status: SyncStatus) => void }): React.JSX.Element | null {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const queries = useQueryClient();
  // Read again whenever the status says their number changed (core-events).
  const conflicts = useContractQuery('sync.conflicts', {}, { enabled: count > 0 });
  const [message, setMessage] = useState('');

  const visible = count > 0 && conflicts.state === 'ready' ? conflicts.value.conflicts : [];
  if (visible.length === 0) return message ? <p role="status">{message}</p> : null;

  const choose = async (conflict: SyncConflict, choice: ConflictChoice): Promise<void> => {
    const result = await client.invoke('sync.resolveConflict', { submissionId: conflict.submissionId, choice });
    if (!result.ok) return setMessage(describeError(result.error, t));
    queries.setQueryData<{ conflicts: SyncConflict[] }>(queryKeyOf('sync.conflicts', {}), (current) => current && { conflicts: current.conflicts.filter((item) => item.submissionId !== conflict.submissionId) });
    setMessage(t(choice === 'note_for_lead' ? 'hosted.conflict.keptForLead' : 'hosted.conflict.discarded', { label: conflict.label }));
    onStatus(result.value);
  };

  return (
    <section className="conflict-list" aria-labelledby="conflict-list-title">
      <h3 id="conflict-list-title">{t('hosted.conflict.title', { count: visible.length })}</h3>
      <ul>
        {visible.map((conflict) => (
          <li key={conflict.submissionId} className="conflict">
            <p>
              <strong>{conflict.label}</strong> · {t(`decision.outcomes.${conflict.outcome}`)} · <time dateTime={conflict.decidedAt}>{formatDateTime(conflict.decidedAt, i18n.language)}</time>
            </p>
            <p>{t(`hosted.conflict.reason.${conflict.reason}`, { defaultValue: t('hosted.conflict.reason.other', { reason: conflict.reason }) })}</p>
            <div className="button-row">
              {conflict.choices.includes('note_for_lead') && (
                <button type="button" onClick={() => void choose(conflict, 'note_for_lead')}>
                  {t('hosted.conflict.keepForLead')}
                </button>
              )}
              <button type="button" onClick={() => void choose(conflict, 'discarded')}>
                {t('hosted.conflict.discard')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <p role="status">{message}</p>
    </section>
  );
}
