import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../shared/domain/submission';
import { formatDateTime } from '../format';
import { describeError } from '../errors';
import type { Loadable } from '../data/contract-query';

interface Props {
  /** The rows to show (the rail's filter applied). */
  queue: Loadable<QueueItem[]>;
  openSubmissionId: string | null;
  onOpen: (submissionId: string) => void;
  /** Submissions whose referral a lead has answered (the assessor has not replied yet). */
  answeredReferrals?: ReadonlySet<string>;
}

const rowHeight = 64;
const optionId = (submissionId: string): string => `queue-option-${submissionId}`;

/**
 * The batch queue: a virtualized listbox (only the visible rows exist in the DOM, so a batch of
 * thousands scrolls as smoothly as a batch of ten). ↑/↓/Home/End/PageUp/PageDown move, Enter opens.
 */
export const BatchQueue = forwardRef<HTMLDivElement | null, Props>(function BatchQueue({ queue, openSubmissionId, onOpen, answeredReferrals }, ref) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => scrollRef.current!, []);
  const items = queue.state === 'ready' ? queue.value : [];
  const [activeIndex, setActiveIndex] = useState(0);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });

  useEffect(() => {
    if (items.length > 0 && performance.getEntriesByName('queue-painted').length === 0) {
      requestAnimationFrame(() => performance.mark('queue-painted'));
    }
  }, [items.length]);

  const moveTo = (index: number): void => {
    const clamped = Math.max(0, Math.min(items.length - 1, index));
    setActiveIndex(clamped);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  };

  const onKeyDown = (event: React.KeyboardEvent): void => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      Home: 0,
      End: items.length - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const item = items[activeIndex];
      if (item) onOpen(item.submissionId);
    }
  };

  const active = items[activeIndex];
  return (
    <section className="batch-queue">
      {queue.state === 'error' && <p role="alert">{describeError(queue.error, t)}</p>}
      {queue.state === 'ready' && items.length === 0 && <p className="hint queue-empty">{t('queue.filteredEmpty')}</p>}
      <div
        ref={scrollRef}
        className="queue-scroller"
        role="listbox"
        aria-label={t('queue.label')}
        tabIndex={0}
        aria-activedescendant={active ? optionId(active.submissionId) : undefined}
        data-local-keys="ArrowUp ArrowDown Home End PageUp PageDown Enter Space"
        onKeyDown={onKeyDown}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const item = items[row.index];
            if (!item) return null;
            return (
              <div
                key={item.submissionId}
                id={optionId(item.submissionId)}
                role="option"
                aria-selected={item.submissionId === openSubmissionId}
                aria-setsize={items.length}
                aria-posinset={row.index + 1}
                className={`queue-row${row.index === activeIndex ? ' active' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${row.start}px)` }}
                onClick={() => {
                  setActiveIndex(row.index);
                  onOpen(item.submissionId);
                }}
              >
                <span className="queue-line">
                  <span className="queue-row-title" data-content title={item.label}>
                    {item.label}
                  </span>
                  {item.outcome && (
                    <span className={`outcome outcome-${item.outcome}`} title={t(`queue.outcome.${item.outcome}`)}>
                      {t(`queue.outcome.${item.outcome}`)}
                    </span>
                  )}
                </span>
                <span className="queue-line">
                  <span className="queue-row-credential" data-content title={item.credentialTitle}>
                    {item.credentialTitle}
                  </span>
                  {/* Compact ("↻ 2", the words on hover and for screen readers), so the micro-credential keeps the narrow rail's room. */}
                  {item.attempt > 1 && (
                    <span className="attempt-chip" title={t('queue.attempt', { attempt: item.attempt })} aria-label={t('queue.attempt', { attempt: item.attempt })}>
                      {t('queue.attemptShort', { attempt: item.attempt })}
                    </span>
                  )}
                  <span className={`status status-${item.status}`}>{t(`status.${item.status}`)}</span>
                </span>
                {/* Marks on a line of their own, so that the label beside its outcome stays whole. */}
                {(answeredReferrals?.has(item.submissionId) || !item.availableOffline) && (
                  <span className="queue-line queue-marks">
                    {answeredReferrals?.has(item.submissionId) && <span className="chip chip-mark referral-answered">{t('queue.referralAnswered')}</span>}
                    {!item.availableOffline && <span className="chip chip-mark chip-remote">{t('queue.notOffline')}</span>}
                  </span>
                )}
                {item.lease !== 'held' && (
                  <span className={`chip lease-chip lease-${item.lease}`}>{t(`lease.row.${item.lease}`, { time: formatDateTime(item.leaseExpiresAt, i18n.language) })}</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
});
