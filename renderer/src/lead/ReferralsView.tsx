import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../errors';
import { formatDateTime } from '../format';
import { useReferrals } from '../referrals/queries';
import { ReferralThread } from '../referrals/ReferralStrip';
import { OpenBeside } from './OpenBeside';

/** Submissions assessors referred to a lead: the unanswered first, each thread answerable here or beside the evidence. */
export function ReferralsView(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const list = useReferrals(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  if (list.state === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (list.state === 'error') return <p role="alert">{describeError(list.error, t)}</p>;
  const referrals = [...list.value.referrals].sort((a, b) => Number(a.state === 'answered') - Number(b.state === 'answered'));
  const selected = referrals.find((referral) => referral.id === selectedId) ?? referrals[0] ?? null;
  const waiting = referrals.filter((referral) => referral.state === 'open').length;
  return (
    <section className="adjudication" aria-labelledby="referrals-title">
      <h2 id="referrals-title">{t('referrals.title')}</h2>
      <p className="hint" role="status">
        {t('referrals.waiting', { count: waiting })}
      </p>
      {referrals.length === 0 ? (
        <p className="hint">{t('referrals.empty')}</p>
      ) : (
        <div className="adjudication-layout">
          <ul className="adjudication-list" aria-label={t('referrals.listLabel')}>
            {referrals.map((referral) => (
              <li key={referral.id}>
                <button type="button" aria-current={referral.id === selected?.id} onClick={() => setSelectedId(referral.id)}>
                  {referral.label} · {referral.assessor.displayName} · {t(`referral.reasons.${referral.reason}`)} · {referral.state === 'answered' ? t('referrals.answered') : t('referrals.open')} ·{' '}
                  {formatDateTime(referral.createdAt, i18n.language)}
                </button>
              </li>
            ))}
          </ul>
          {selected && (
            <article className="adjudication-case" aria-labelledby="referral-case-title">
              <h3 id="referral-case-title">
                <span data-content>{selected.label}</span> · {selected.assessor.displayName}
              </h3>
              <OpenBeside kind="referral" submissionId={selected.submissionId} onError={setMessage} />
              <p role="status">{message}</p>
              <ReferralThread key={selected.id} referral={selected} />
            </article>
          )}
        </div>
      )}
    </section>
  );
}
