import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../errors';
import { formatDateTime } from '../format';
import { AdjudicationCase } from './AdjudicationCase';
import { useAdjudications } from './queries';

/** Double-scored submissions whose assessors disagree: both readings side by side, and the lead's resolution. */
export function AdjudicationQueueView(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const queue = useAdjudications();
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
          {selected && <AdjudicationCase key={selected.submissionId} item={selected} rubric={rubrics.find((rubric) => rubric.id === selected.rubricVersionId) ?? null} inQueue />}
        </div>
      )}
    </section>
  );
}
