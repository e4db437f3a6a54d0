import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../errors';
import { formatDateTime } from '../format';
import { BackreadCase } from './BackreadCase';
import { useBackreads } from './queries';

/** Live decisions sampled for backreading: the open ones first, each read again beside its evidence. */
export function BackreadingView(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const queue = useBackreads();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  if (queue.state === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (queue.state === 'error') return <p role="alert">{describeError(queue.error, t)}</p>;
  const { backreads, rubrics, fetchedAt } = queue.value;
  const open = backreads.filter((item) => !item.review && !item.reviewQueued).length;
  const selected = backreads.find((item) => item.submissionId === selectedId) ?? backreads.find((item) => !item.review && !item.reviewQueued) ?? null;
  return (
    <section className="adjudication" aria-labelledby="backreading-title">
      <h2 id="backreading-title">{t('backreading.title')}</h2>
      <p className="hint" role="status">
        {fetchedAt ? t('lead.freshness', { time: formatDateTime(fetchedAt, i18n.language) }) : t('lead.neverSynced')} · {t('backreading.open', { count: open })}
      </p>
      {backreads.length === 0 ? (
        <p className="hint">{t('backreading.empty')}</p>
      ) : (
        <div className="adjudication-layout">
          <ul className="adjudication-list" aria-label={t('backreading.listLabel')}>
            {backreads.map((item) => (
              <li key={item.submissionId}>
                <button type="button" aria-current={item.submissionId === selected?.submissionId} onClick={() => setSelectedId(item.submissionId)}>
                  {item.label} · {item.decision.assessor.displayName} · {item.review ? t('backreading.done') : item.reviewQueued ? t('adjudication.queued') : t(`backreading.reason.${item.reason}`)}
                </button>
              </li>
            ))}
          </ul>
          {selected && <BackreadCase key={selected.submissionId} item={selected} rubric={rubrics.find((rubric) => rubric.id === selected.rubricVersionId) ?? null} inQueue />}
        </div>
      )}
    </section>
  );
}
