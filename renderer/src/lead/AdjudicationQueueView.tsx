import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceComment } from '../../../shared/domain/comment';
import { describeError } from '../errors';
import { formatDateTime } from '../format';
import { useContractQuery } from '../data/contract-query';
import { AdjudicationCase } from './AdjudicationCase';

/** Double-scored submissions whose assessors disagree: both readings side by side, and the lead's resolution. */
export function AdjudicationQueueView({ onOpenBeside }: { onOpenBeside: (batchId: string, submissionId: string) => void }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const queue = useContractQuery('lead.adjudications', {});
  const [selectedId, setSelectedId] = useState<string | null>(null);
  if (queue.state === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (queue.state === 'error') return <p role="alert">{describeError(queue.error, t)}</p>;
  const { adjudications, rubrics, fetchedAt } = queue.value;
  const selected = adjudications.find((item) => item.submissionId === selectedId) ?? adjudications.find((item) => !item.resolution && !item.resolutionQueued) ?? null;
  return (
    <section className="adjudication" aria-labelledby="adjudication-title">
      <h2 id="adjudication-title">{t('adjudication.title')}</h2>
      <p className="hint" role="status">
        {fetchedAt ? t('lead.freshness', { time: formatDateTime(fetchedAt, i18n.language) }) : t('lead.neverSynced')}
      </p>
      {adjudications.length === 0 ? (
        <p className="hint">{t('adjudication.empty')}</p>
      ) : (
        <div className="adjudication-layout">
          <ul className="adjudication-list" aria-label={t('adjudication.listLabel')}>
            {adjudications.map((item) => (
              <li key={item.submissionId}>
                <button type="button" aria-current={item.submissionId === selected?.submissionId} onClick={() => setSelectedId(item.submissionId)}>
                  {item.label} · {item.reasons.map((reason) => t(`adjudication.reason.${reason}`)).join(', ')} ·{' '}
                  {item.resolution ? t('adjudication.resolved') : item.resolutionQueued ? t('adjudication.queued') : t('adjudication.open')}
                </button>
              </li>
            ))}
          </ul>
          {selected && <AdjudicationCase key={selected.submissionId} item={selected} rubric={rubrics.find((rubric) => rubric.id === selected.rubricVersionId) ?? null} onOpenBeside={onOpenBeside} />}
        </div>
      )}
    </section>
  );
}

/** The adjudication of the submission open in the workspace (beside its evidence); comments seek the evidence. */
export function AdjudicationReview({ submissionId, onSelectComment }: { submissionId: string; onSelectComment: (comment: EvidenceComment) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const queue = useContractQuery('lead.adjudications', {});
  if (queue.state !== 'ready') return <p aria-busy="true">{t('app.loading')}</p>;
  const item = queue.value.adjudications.find((candidate) => candidate.submissionId === submissionId);
  if (!item) return <p className="hint">{t('adjudication.empty')}</p>;
  return <AdjudicationCase item={item} rubric={queue.value.rubrics.find((rubric) => rubric.id === item.rubricVersionId) ?? null} onSelectComment={onSelectComment} />;
}

/**
 * In review mode the evidence shows both assessors' comments (on the video timeline, pages and
 * images), each named by its assessor; null for any other submission.
 */
export function useReviewComments(submissionId: string, isReview: boolean): EvidenceComment[] | null {
  const queue = useContractQuery('lead.adjudications', {}, { enabled: isReview });
  if (!isReview || queue.state !== 'ready') return null;
  const item = queue.value.adjudications.find((candidate) => candidate.submissionId === submissionId);
  return item ? item.decisions.flatMap((reading) => reading.comments.map((comment) => ({ ...comment, body: `${reading.assessor.displayName}: ${comment.body}` }))) : null;
}
