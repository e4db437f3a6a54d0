import * as Collapsible from '@radix-ui/react-collapsible';
import { withoutHiddenControls } from '../../../shared/domain/text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralView } from '../../../shared/contract/methods';
import { useContractMutation } from '../data/contract-mutation';
import { describeFailure } from '../errors';
import { formatDateTime } from '../format';
import { replyToReferral } from './mutations';
import { useReferrals } from './queries';

/**
 * The referrals of the open submission, under its header: whether a lead has answered, and the
 * thread with a reply box (the assessor's follow-up, or a lead's answer). Nothing when none.
 */
export function ReferralStrip({ submissionId }: { submissionId: string }): React.JSX.Element | null {
  const { t } = useTranslation();
  const list = useReferrals(submissionId);
  // One line until opened: the evidence keeps its room.
  const [open, setOpen] = useState(false);
  if (list.state !== 'ready' || list.value.referrals.length === 0) return null;
  const { referrals } = list.value;
  const answered = referrals.some((referral) => referral.state === 'answered');
  return (
    <Collapsible.Root open={open} onOpenChange={setOpen} className={`referral-strip${answered ? ' answered' : ''}`}>
      <Collapsible.Trigger className="referral-summary">
        {t(answered ? 'referral.answered' : 'referral.waiting', { count: referrals.length })} {open ? '▾' : '▸'}
      </Collapsible.Trigger>
      <Collapsible.Content>
        {referrals.map((referral) => (
          <ReferralThread key={referral.id} referral={referral} />
        ))}
      </Collapsible.Content>
    </Collapsible.Root>
  );
}

export function ReferralThread({ referral }: { referral: ReferralView }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const reply = useContractMutation(replyToReferral);
  const [body, setBody] = useState('');
  const [message, setMessage] = useState('');
  return (
    <section className="referral-thread" aria-label={t('referral.threadLabel', { reason: t(`referral.reasons.${referral.reason}`) })}>
      <p className="hint">
        {t(`referral.reasons.${referral.reason}`)} · {referral.assessor.displayName || t('referral.you')} · {formatDateTime(referral.createdAt, i18n.language)}
      </p>
      <ol className="referral-messages">
        {referral.messages.map((item) => (
          <li key={item.id} className={item.author.role === 'lead' ? 'from-lead' : 'from-assessor'}>
            <strong>{item.mine ? t('referral.you') : item.author.displayName}</strong>
            {item.author.role === 'lead' && ` (${t('referral.lead')})`} · <span className="hint">{formatDateTime(item.at, i18n.language)}</span>
            {item.pending && <span className="chip"> {t('referral.pending')}</span>}
            {item.refused && <span className="chip chip-refused"> {t('referral.refused')}</span>}
            <p>{item.body}</p>
          </li>
        ))}
      </ol>
      <form
        className="referral-reply"
        onSubmit={(event) => {
          event.preventDefault();
          if (body.trim() === '') return;
          reply.mutate(
            { referralId: referral.id, body },
            {
              onSuccess: () => {
                setBody('');
                setMessage('');
              },
              onError: (error) => setMessage(describeFailure(error, t)),
            },
          );
        }}
      >
        <label className="visually-hidden" htmlFor={`reply-${referral.id}`}>
          {t('referral.reply')}
        </label>
        <textarea id={`reply-${referral.id}`} value={body} maxLength={5000} placeholder={t('referral.replyPlaceholder')} onChange={(event) => setBody(withoutHiddenControls(event.target.value))} />
        <button type="submit">{t('referral.sendReply')}</button>
        <p role="status">{message}</p>
      </form>
    </section>
  );
}
