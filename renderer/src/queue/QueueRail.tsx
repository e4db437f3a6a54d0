import * as ToggleGroup from '@radix-ui/react-toggle-group';
import type { Words } from '../words';
import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchSummary } from '../../../shared/contract/methods';
import type { QueueItem, SubmissionStatus } from '../../../shared/domain/submission';
import type { Loadable } from '../data/contract-query';
import { formatDateTime } from '../format';
import { MasterBatchBar } from '../lead/SetBuilder';
import { BatchDone } from './BatchDone';
import { BatchQueue } from './BatchQueue';
import { batchName, distinctNames } from './batch-name';
import { Hint } from '../ui/Hint';
import { Picker } from '../ui/Picker';
import * as Collapsible from '@radix-ui/react-collapsible';

type Filter = 'all' | 'todo' | 'decided' | 'attention';
const filters: Filter[] = ['all', 'todo', 'decided', 'attention'];
const shownBy: Record<Exclude<Filter, 'all'>, readonly SubmissionStatus[]> = {
  todo: ['not_started', 'in_progress', 'scored'],
  decided: ['queued', 'synced', 'kept_here'],
  attention: ['conflict', 'handed_back'],
};
/** A row a filter shows: by status, and for "needs attention" also any lease run out or taken back. */
const isShownBy = (filter: Exclude<Filter, 'all'>, item: QueueItem): boolean =>
  shownBy[filter].includes(item.status) || (filter === 'attention' && (item.lease === 'expired' || item.lease === 'reassigned'));

interface Props {
  batches: BatchSummary[];
  batch: BatchSummary | null;
  queue: Loadable<QueueItem[]>;
  openSubmissionId: string | null;
  collapsed: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
  onChooseBatch: (batchId: string) => void;
  onOpen: (submissionId: string) => void;
  onPublished: (message: Words) => void;
  /** Submissions whose referral a lead has answered: marked in their rows. */
  answeredReferrals?: ReadonlySet<string>;
  /** Opens Account and sync (a batch done offers a claim). */
  onClaimMore: () => void;
}

/**
 * The queue, always beside the work: which batch, how much is decided, the rows (filtered by
 * status, each with its outcome), and a way to fold it away for more evidence.
 */
export const QueueRail = forwardRef<HTMLDivElement | null, Props>(function QueueRail(props, ref) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const { batch, batches, queue } = props;
  // Folded, the rail is only its toggle (Radix Collapsible: the toggle says whether the queue is shown).
  const fold = (open: boolean): void => props.onCollapsedChange(!open);
  if (props.collapsed) {
    return (
      <Collapsible.Root open={false} onOpenChange={fold} asChild>
        <nav className="queue-rail collapsed" aria-label={t('queue.title')}>
          <Hint text={t('queue.show')}>
            <Collapsible.Trigger className="rail-toggle">
              <span aria-hidden="true">»</span>
              <span className="visually-hidden">{t('queue.show')}</span>
            </Collapsible.Trigger>
          </Hint>
        </nav>
      </Collapsible.Root>
    );
  }
  const decided = batch ? batch.counts.queued + batch.counts.synced + batch.counts.conflict + batch.counts.handed_back + batch.counts.kept_here : 0;
  const shown: Loadable<QueueItem[]> = queue.state === 'ready' && filter !== 'all' ? { state: 'ready', value: queue.value.filter((item) => isShownBy(filter, item)) } : queue;
  return (
    <Collapsible.Root open onOpenChange={fold} asChild>
    <nav className="queue-rail" aria-label={t('queue.title')}>
      <header className="rail-header">
        <div className="rail-title">
          {batches.length > 1 ? (
            <Picker
              className="batch-picker"
              label={t('queue.batch')}
              value={batch?.id ?? ''}
              options={distinctNames(batches, (candidate) => batchName(candidate, t, i18n.language)).map(([candidate, label]) => ({ value: candidate.id, label, content: candidate.isDemo }))}
              onChange={props.onChooseBatch}
            />
          ) : (
            batch && (
              // The demo batch is called by its own (the programme's) name.
              <h2 className="batch-name" data-content={batch.isDemo ? '' : undefined} title={batchName(batch, t, i18n.language)}>
                {batchName(batch, t, i18n.language)}
              </h2>
            )
          )}
          <Hint text={t('queue.hide')}>
            <Collapsible.Trigger className="rail-toggle">
              <span aria-hidden="true">«</span>
              <span className="visually-hidden">{t('queue.hide')}</span>
            </Collapsible.Trigger>
          </Hint>
        </div>
        {batch && (
          <>
            <p className="rail-progress">
              <strong>{t('queue.progress', { done: decided, total: batch.total })}</strong>
              <progress max={Math.max(1, batch.total)} value={decided} aria-hidden="true" />
            </p>
            <p className="rail-due">{t('queue.due', { date: formatDateTime(batch.dueAt, i18n.language) })}</p>
            {batch.total > 0 && decided === batch.total && batch.kind !== 'review' && batch.kind !== 'master' && <BatchDone batch={batch} batches={batches} onChooseBatch={props.onChooseBatch} onClaimMore={props.onClaimMore} />}
          </>
        )}
        <ToggleGroup.Root type="single" className="queue-filter" aria-label={t('queue.filter.label')} value={filter} onValueChange={(value) => value && setFilter(value as Filter)}>
          {filters.map((value) => (
            <ToggleGroup.Item key={value} value={value} className="filter-chip">
              {t(`queue.filter.${value}`)}
            </ToggleGroup.Item>
          ))}
        </ToggleGroup.Root>
      </header>
      <Collapsible.Content className="rail-body">
        {batch?.kind === 'master' && <MasterBatchBar batchId={batch.id} label={batchName(batch, t, i18n.language)} goldPool={batch.goldPool} onPublished={props.onPublished} />}
        {batch && <BatchQueue ref={ref} queue={shown} openSubmissionId={props.openSubmissionId} onOpen={props.onOpen} answeredReferrals={props.answeredReferrals} />}
      </Collapsible.Content>
    </nav>
    </Collapsible.Root>
  );
});
