import { useTranslation } from 'react-i18next';
import type { BatchSummary } from '../../../shared/contract/methods';
import { Hint } from '../ui/Hint';

/**
 * In the header, beside the sync state: how many claimed submissions the assessor may be working on
 * in vain — leases run out, or taken back by the server — and how many end within a day. Noticed
 * offline too (core compares the leases with its clock), and brought up to date on every sync.
 */
export function LeaseWarning({ batches, onShow }: { batches: readonly BatchSummary[]; onShow: () => void }): React.JSX.Element | null {
  const { t } = useTranslation();
  const total = { dueSoon: 0, expired: 0, reassigned: 0 };
  for (const batch of batches) {
    total.dueSoon += batch.leases.dueSoon;
    total.expired += batch.leases.expired;
    total.reassigned += batch.leases.reassigned;
  }
  const parts = [
    total.expired > 0 && t('lease.expired', { count: total.expired }),
    total.reassigned > 0 && t('lease.reassigned', { count: total.reassigned }),
    total.dueSoon > 0 && t('lease.dueSoon', { count: total.dueSoon }),
  ].filter((part): part is string => typeof part === 'string');
  if (parts.length === 0) return null;
  const serious = total.expired + total.reassigned > 0;
  return (
    <Hint text={t('lease.explain')}>
      <button type="button" className={`lease-warning${serious ? ' serious' : ''}`} onClick={onShow}>
        <span aria-hidden="true">⚠ </span>
        <span role="status">{parts.join(' · ')}</span>
      </button>
    </Hint>
  );
}
