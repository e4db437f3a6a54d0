import type { TFunction } from 'i18next';
import type { BatchSummary } from '../../../shared/contract/methods';
import { formatDateTime } from '../format';

/**
 * What a batch is called on screen, in the assessor's language: a claim by when it was claimed and
 * its size (so two claims never read alike); calibration, master scoring and adjudication by what
 * they are for; the demo by its own name.
 */
export function batchName(batch: BatchSummary, t: TFunction, locale: string): string {
  if (batch.isDemo) return batch.label;
  if (batch.kind === 'live') return t('queue.name.live', { date: formatDateTime(batch.claimedAt, locale), count: batch.total });
  return t(`queue.name.${batch.kind}`, { title: batch.label });
}
