import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictChoice, SyncConflict } from '../../../shared/contract/methods';
import { useContractMutation } from '../data/contract-mutation';
import { describeFailure } from '../errors';
import { formatDateTime } from '../format';
import { resolveConflict } from './mutations';
import { useConflicts } from './queries';

/**
 * Decisions the server refused, each with the server's reason and the assessor's choice: keep the
 * scores as a note for the lead, or discard them. Nothing leaves this list without a choice.
 */
export function ConflictList({ count }: { count: number }): React.JSX.Element | null {
  const { t, i18n } = useTranslation();
  const conflicts = useConflicts(count);
  const resolve = useContractMutation(resolveConflict);
  const [message, setMessage] = useState('');

  const visible = count > 0 && conflicts.state === 'ready' ? conflicts.value.conflicts : [];
  if (visible.length === 0) return message ? <p role="status">{message}</p> : null;

  const choose = (conflict: SyncConflict, choice: ConflictChoice): void =>
    void resolve.mutateAsync({ submissionId: conflict.submissionId, choice }).then(
      () => setMessage(t(choice === 'note_for_lead' ? 'hosted.conflict.keptForLead' : 'hosted.conflict.discarded', { label: conflict.label })),
      (error: unknown) => setMessage(describeFailure(error, t)),
    );

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
                <button type="button" onClick={() => choose(conflict, 'note_for_lead')}>
                  {t('hosted.conflict.keepForLead')}
                </button>
              )}
              <button type="button" onClick={() => choose(conflict, 'discarded')}>
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
