import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdjudicationQueue } from '../../../shared/contract/methods';
import type { DecisionOutcome } from '../../../shared/domain/submission';
import type { EvidenceComment } from '../../../shared/domain/comment';
import { allCriteria } from '../../../shared/domain/rubric';
import { formatMediaTime } from '../../../shared/format/media-time';
import { useClient } from '../client-context';
import { describeError } from '../errors';
import { formatDateTime } from '../format';
import { useContractQuery } from '../data/contract-query';
import { queryKeyOf } from '../data/contract-reads';

type Case = AdjudicationQueue['adjudications'][number];

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

function AdjudicationCase({
  item,
  rubric,
  onOpenBeside,
  onSelectComment,
}: {
  item: Case;
  rubric: AdjudicationQueue['rubrics'][number] | null;
  onOpenBeside?: (batchId: string, submissionId: string) => void;
  onSelectComment?: (comment: EvidenceComment) => void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const queries = useQueryClient();
  const criteria = rubric ? allCriteria(rubric) : [];
  const [outcome, setOutcome] = useState<DecisionOutcome>(item.decisions[0]?.outcome ?? 'award');
  const [levels, setLevels] = useState<Record<string, number>>(() =>
    Object.fromEntries(criteria.map((criterion) => [criterion.id, item.decisions[0]?.scores.find((score) => score.criterionId === criterion.id)?.level ?? criterion.levels[0]!.level])),
  );
  const [note, setNote] = useState('');
  const [message, setMessage] = useState('');
  const done = !!item.resolution || item.resolutionQueued;
  const levelOf = (decision: Case['decisions'][number], criterionId: string): string => String(decision.scores.find((score) => score.criterionId === criterionId)?.level ?? '–');

  return (
    <article className="adjudication-case" aria-labelledby="case-title">
      <h3 id="case-title">{item.label}</h3>
      {onOpenBeside && (
        <p>
          <button
            type="button"
            onClick={() =>
              void client.invoke('lead.openAdjudication', { submissionId: item.submissionId }).then((result) => {
                if (result.ok) onOpenBeside(result.value.batchId, item.submissionId);
                else setMessage(describeError(result.error, t));
              })
            }
          >
            {t('adjudication.openBeside')}
          </button>
        </p>
      )}
      <div className="side-by-side">
        {item.decisions.map((decision) => (
          <section key={decision.assessor.id} aria-label={decision.assessor.displayName} className="reading">
            <h4>
              {decision.assessor.displayName} · {t(`decision.outcomes.${decision.outcome}`)}
            </h4>
            <p className="hint">{formatDateTime(decision.decidedAt, i18n.language)}</p>
            <dl>
              {criteria.map((criterion) => {
                const score = decision.scores.find((candidate) => candidate.criterionId === criterion.id);
                const other = item.decisions.find((candidate) => candidate !== decision);
                const differs = other && levelOf(other, criterion.id) !== levelOf(decision, criterion.id);
                return (
                  <div key={criterion.id} className={differs ? 'differs' : undefined}>
                    <dt>{criterion.title}</dt>
                    <dd>
                      {t('adjudication.level', { level: score?.level ?? '–' })}
                      {score?.rationale ? ` · ${score.rationale}` : ''}
                    </dd>
                  </div>
                );
              })}
            </dl>
            {decision.comments.length > 0 && (
              <ul className="reading-comments" aria-label={t('adjudication.comments')}>
                {decision.comments.map((comment) => (
                  <li key={comment.id}>
                    {onSelectComment && (comment.startMs !== null || comment.page !== null) ? (
                      <button type="button" className="link" onClick={() => onSelectComment(comment)}>
                        {comment.startMs !== null ? formatMediaTime(comment.startMs) : t('adjudication.page', { page: comment.page })}
                      </button>
                    ) : (
                      <>
                        {comment.startMs !== null ? `${formatMediaTime(comment.startMs)}${comment.endMs !== null ? `–${formatMediaTime(comment.endMs)}` : ''}` : ''}
                        {comment.page !== null ? t('adjudication.page', { page: comment.page }) : ''}
                      </>
                    )}
                    {comment.startMs !== null || comment.page !== null ? ' · ' : ''}
                    {comment.body}
                  </li>
                ))}
              </ul>
            )}
            {decision.overallFeedback && <p className="reading-feedback">{decision.overallFeedback}</p>}
          </section>
        ))}
      </div>
      {item.resolution ? (
        <p role="status">{t('adjudication.resolvedAs', { outcome: t(`decision.outcomes.${item.resolution.outcome}`), time: formatDateTime(item.resolution.resolvedAt, i18n.language) })}</p>
      ) : (
        <form
          className="resolution"
          onSubmit={(event) => {
            event.preventDefault();
            void client
              .invoke('lead.resolveAdjudication', {
                submissionId: item.submissionId,
                resolution: { outcome, note, scores: criteria.map((criterion) => ({ criterionId: criterion.id, level: levels[criterion.id]!, rationale: note })) },
              })
              .then((result) => {
                if (result.ok) queries.setQueryData(queryKeyOf('lead.adjudications', {}), result.value);
                setMessage(result.ok ? t('adjudication.queuedMessage') : describeError(result.error, t));
              });
          }}
        >
          <fieldset disabled={done}>
            <legend>{t('adjudication.resolution')}</legend>
            <label>
              {t('adjudication.outcome')}{' '}
              <select value={outcome} onChange={(event) => setOutcome(event.target.value as DecisionOutcome)}>
                {(['award', 'not_yet', 'flag'] as const).map((value) => (
                  <option key={value} value={value}>
                    {t(`decision.outcomes.${value}`)}
                  </option>
                ))}
              </select>
            </label>
            {criteria.map((criterion) => (
              <label key={criterion.id}>
                {criterion.title}{' '}
                <select value={levels[criterion.id]} onChange={(event) => setLevels((current) => ({ ...current, [criterion.id]: Number(event.target.value) }))}>
                  {criterion.levels.map((level) => (
                    <option key={level.level} value={level.level}>
                      {level.level} · {level.label}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <label>
              {t('adjudication.note')} <textarea value={note} onChange={(event) => setNote(event.target.value)} required maxLength={10_000} />
            </label>
            <button type="submit">{t('adjudication.resolve')}</button>
          </fieldset>
          <p role="status">{message}</p>
        </form>
      )}
    </article>
  );
}
