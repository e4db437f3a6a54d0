import { useTranslation } from 'react-i18next';
import { describeError } from '../errors';
import { formatDateTime } from '../format';
import { AdjudicationCase } from './AdjudicationCase';
import { LeadQueue } from './LeadQueue';
import { useAdjudications } from './queries';

/** Double-scored submissions whose assessors disagree: both readings side by side, and the lead's resolution. */
export function AdjudicationQueueView(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const queue = useAdjudications();
  if (queue.state === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (queue.state === 'error') return <p role="alert">{describeError(queue.error, t)}</p>;
  const { adjudications, rubrics, fetchedAt } = queue.value;
  return (
    <LeadQueue
      id="adjudication"
      title={t('adjudication.title')}
      status={fetchedAt ? t('lead.freshness', { time: formatDateTime(fetchedAt, i18n.language) }) : t('lead.neverSynced')}
      empty={t('adjudication.empty')}
      listLabel={t('adjudication.listLabel')}
      items={adjudications}
      keyOf={(item) => item.submissionId}
      describe={(item) =>
        `${item.label} · ${item.reasons.map((reason) => t(`adjudication.reason.${reason}`)).join(', ')} · ${item.resolution ? t('adjudication.resolved') : item.resolutionQueued ? t('adjudication.queued') : t('adjudication.open')}`
      }
      shownFirst={(item) => !item.resolution && !item.resolutionQueued}
      renderCase={(item) => <AdjudicationCase item={item} rubric={rubrics.find((rubric) => rubric.id === item.rubricVersionId) ?? null} inQueue />}
    />
  );
}
