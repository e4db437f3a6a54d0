import { useTranslation } from 'react-i18next';
import { useContractQuery } from '../data/contract-query';
import { Hint } from '../ui/Hint';

/**
 * In the header, where the eye finds it: live claims suspended by the lockout rule. It opens the
 * account drawer, whose qualification says why, since when, and the recalibration set that lifts it.
 */
export function LockoutNotice({ onShow }: { onShow: () => void }): React.JSX.Element | null {
  const { t } = useTranslation();
  const summary = useContractQuery('quality.status', {});
  if (summary.state !== 'ready') return null;
  const locked = summary.value.qualifications.filter((item) => item.status === 'locked_out');
  if (locked.length === 0) return null;
  return (
    <Hint text={t('qualification.lockedExplain', { titles: locked.map((item) => item.credentialTitle).join(', ') })}>
      <button type="button" className="lease-warning serious" onClick={onShow}>
        <span aria-hidden="true">⚠ </span>
        <span role="status">{t('qualification.lockedNotice')}</span>
      </button>
    </Hint>
  );
}
