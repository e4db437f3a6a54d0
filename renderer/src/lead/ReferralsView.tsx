import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralView } from '../../../shared/contract/methods';
import { describeError } from '../errors';
import { formatDateTime } from '../format';
import { useReferrals } from '../referrals/queries';
import { ReferralThread } from '../referrals/ReferralStrip';
import { LeadQueue } from './LeadQueue';
import { OpenBeside } from './OpenBeside';

/** Submissions assessors referred to a lead: the unanswered first, each thread answerable here or beside the evidence. */
export function ReferralsView(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const list = useReferrals(null);
  if (list.state === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (list.state === 'error') return <p role="alert">{describeError(list.error, t)}</p>;
  const referrals = [...list.value.referrals].sort((a, b) => Number(a.state === 'answered') - Number(b.state === 'answered'));
  return (
    <LeadQueue
      id="referrals"
      title={t('referrals.title')}
      status={t('referrals.waiting', { count: referrals.filter((referral) => referral.state === 'open').length })}
      empty={t('referrals.empty')}
      listLabel={t('referrals.listLabel')}
      items={referrals}
      keyOf={(referral) => referral.id}
      describe={(referral) =>
        `${referral.label} · ${referral.assessor.displayName} · ${t(`referral.reasons.${referral.reason}`)} · ${referral.state === 'answered' ? t('referrals.answered') : t('referrals.open')} · ${formatDateTime(referral.createdAt, i18n.language)}`
      }
      shownFirst={() => true}
      renderCase={(referral) => <ReferralCase referral={referral} />}
    />
  );
}

/** One referral read in the queue: its thread, answerable here, or opened beside the evidence. */
function ReferralCase({ referral }: { referral: ReferralView }): React.JSX.Element {
  const [message, setMessage] = useState('');
  return (
    <article className="adjudication-case" aria-labelledby="referral-case-title">
      <h3 id="referral-case-title">
        <span data-content>{referral.label}</span> · {referral.assessor.displayName}
      </h3>
      <OpenBeside kind="referral" submissionId={referral.submissionId} onError={(error) => setMessage(error)} />
      <p role="status">{message}</p>
      <ReferralThread referral={referral} />
    </article>
  );
}
