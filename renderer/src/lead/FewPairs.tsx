import { useTranslation } from 'react-i18next';
import { fewPairs } from '../../../shared/quality/dashboard';

/** Below this many compared pairs an agreement figure or a kappa says little: it is marked. */

/** The warning beside a figure from too few pairs: a sign, and the words for screen readers and on hover. */
export function FewPairs({ n }: { n: number }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <span className="few-pairs" title={t('lead.fewPairs', { count: n })}>
      {' '}
      <span aria-hidden="true">⚠</span>
      <span className="visually-hidden">{t('lead.fewPairs', { count: n })}</span>
    </span>
  );
}

/** A table's n, with the warning when the figures beside it rest on fewer than ten pairs. */
export function PairsCell({ n }: { n: number }): React.JSX.Element {
  return (
    <td>
      {n}
      {n < fewPairs && <FewPairs n={n} />}
    </td>
  );
}
