import { useTranslation } from 'react-i18next';
import { describeError } from '../errors';
import { formatDateTime } from '../format';
import { BackreadCase } from './BackreadCase';
import { LeadQueue } from './LeadQueue';
import { useBackreads } from './queries';

/** Live decisions sampled for backreading: the open ones first, each read again beside its evidence. */
export function BackreadingView(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const queue = useBackreads();
  if (queue.state === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (queue.state === 'error') return <p role="alert">{describeError(queue.error, t)}</p>;
  const { backreads, rubrics, fetchedAt } = queue.value;
  const isOpen = (item: (typeof backreads)[number]): boolean => !item.review && !item.reviewQueued;
  const freshness = fetchedAt ? t('lead.freshness', { time: formatDateTime(fetchedAt, i18n.language) }) : t('lead.neverSynced');
  return (
    <LeadQueue
      id="backreading"
      title={t('backreading.title')}
      status={`${freshness} · ${t('backreading.open', { count: backreads.filter(isOpen).length })}`}
      empty={t('backreading.empty')}
      listLabel={t('backreading.listLabel')}
      items={backreads}
      keyOf={(item) => item.submissionId}
      describe={(item) => `${item.label} · ${item.decision.assessor.displayName} · ${item.review ? t('backreading.done') : item.reviewQueued ? t('adjudication.queued') : t(`backreading.reason.${item.reason}`)}`}
      shownFirst={isOpen}
      renderCase={(item) => <BackreadCase item={item} rubric={rubrics.find((rubric) => rubric.id === item.rubricVersionId) ?? null} inQueue />}
    />
  );
}
