import type { TFunction } from 'i18next';
import type { BatchSummary } from '../../../shared/contract/methods';
import { formatDateTime } from '../format';

/**
 * What a batch is called on screen, in the assessor's language: a claim by what it holds first (its
 * micro-credential, or the first and how many more), then when it was claimed and its size — the
 * part that tells two claims apart comes first, so a name cut short in the rail still does;
 * calibration and master scoring by what they are for, a lead's review (adjudication, backreading, a referral) by its submission; the demo by its own name.
 */
export function batchName(batch: BatchSummary, t: TFunction, locale: string): string {
  if (batch.isDemo) return batch.label;
  if (batch.kind === 'live') {
    const [first, ...others] = batch.credentials;
    const held = first === undefined ? null : others.length === 0 ? first : t('queue.name.andMore', { title: first, count: others.length });
    const claimed = t('queue.name.live', { date: formatDateTime(batch.claimedAt, locale), count: batch.total });
    return held ? `${held} · ${claimed}` : claimed.charAt(0).toLocaleUpperCase(locale) + claimed.slice(1);
  }
  return t(`queue.name.${batch.kind}`, { title: batch.label });
}

/** Each batch with its name; two with the same name (claimed in the same minute) told apart by their order: "… (2)". */
export function distinctNames(batches: readonly BatchSummary[], nameOf: (batch: BatchSummary) => string): [BatchSummary, string][] {
  const named = batches.map((batch) => [batch, nameOf(batch)] as [BatchSummary, string]);
  const seen = new Map<string, number>();
  const total = new Map<string, number>();
  for (const [, name] of named) total.set(name, (total.get(name) ?? 0) + 1);
  return named.map(([batch, name]) => {
    if ((total.get(name) ?? 0) < 2) return [batch, name];
    const index = (seen.get(name) ?? 0) + 1;
    seen.set(name, index);
    return [batch, `${name} (${index})`];
  });
}
