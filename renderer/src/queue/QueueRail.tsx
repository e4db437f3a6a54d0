import * as ToggleGroup from '@radix-ui/react-toggle-group';
import type { Words } from '../words';
import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchSummary } from '../../../shared/contract/methods';
import type { QueueItem, SubmissionStatus } from '../../../shared/domain/submission';
import type { Loadable } from '../data/contract-query';
import { formatDateTime } from '../format';
import { MasterBatchBar } from '../lead/SetBuilder';
import { BatchQueue } from './BatchQueue';
import { batchName } from './batch-name';

type Filter = 'all' | 'todo' | 'decided' | 'attention';
const filters: Filter[] = ['all', 'todo', 'decided', 'attention'];
const shownBy: Record<Exclude<Filter, 'all'>, readonly SubmissionStatus[]> = {
  todo: ['not_started', 'in_progress', 'scored'],
  decided: ['queued', 'synced'],
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
}

/**
 * The queue, always beside the work: which batch, how much is decided, the rows (filtered by
 * status, each with its outcome), and a way to fold it away for more evidence.
 */
export const QueueRail = forwardRef<HTMLDivElement | null, Props>(function QueueRail(props, ref) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const { batch, batches, queue } = props;
  if (props.collapsed) {
    return (
      <nav className="queue-rail collapsed" aria-label={t('queue.title')}>
        <button type="button" className="rail-toggle" aria-expanded={false} onClick={() => props.onCollapsedChange(false)} title={t('queue.show')}>
          <span aria-hidden="true">»</span>
          <span className="visually-hidden">{t('queue.show')}</span>
        </button>
      </nav>
    );
  }
  const decided = batch ? batch.counts.queued + batch.counts.synced + batch.counts.conflict + batch.counts.handed_back : 0;
  const shown: Loadable<QueueItem[]> = queue.state === 'ready' && filter !== 'all' ? { state: 'ready', value: queue.value.filter((item) => isShownBy(filter, item)) } : queue;
  return (
    <nav className="queue-rail" aria-label={t('queue.title')}>
      <header className="rail-header">
        <div className="rail-title">
          {batches.length > 1 ? (
            <label className="batch-picker">
              <span className="visually-hidden">{t('queue.batch')}</span>
              <select aria-label={t('queue.batch')} value={batch?.id ?? ''} onChange={(event) => props.onChooseBatch(event.target.value)}>
                {batches.map((candidate) => (
                  <option key={candidate.id} value={candidate.id} data-content={candidate.isDemo ? '' : undefined}>
                    {batchName(candidate, t, i18n.language)}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            batch && (
              // The demo batch is called by its own (the programme's) name.
              <h2 className="batch-name" data-content={batch.isDemo ? '' : undefined}>
                {batchName(batch, t, i18n.language)}
              </h2>
            )
          )}
          <button type="button" className="rail-toggle" aria-expanded={true} onClick={() => props.onCollapsedChange(true)} title={t('queue.hide')}>
            <span aria-hidden="true">«</span>
            <span className="visually-hidden">{t('queue.hide')}</span>
          </button>
        </div>
        {batch && (
          <>
            <p className="rail-progress">
              <strong>{t('queue.progress', { done: decided, total: batch.total })}</strong>
              <progress max={Math.max(1, batch.total)} value={decided} aria-hidden="true" />
            </p>
            <p className="rail-due">{t('queue.due', { date: formatDateTime(batch.dueAt, i18n.language) })}</p>
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
      {batch?.kind === 'master' && <MasterBatchBar batchId={batch.id} label={batchName(batch, t, i18n.language)} onPublished={props.onPublished} />}
      {batch && <BatchQueue ref={ref} queue={shown} openSubmissionId={props.openSubmissionId} onOpen={props.onOpen} />}
    </nav>
  );
});
