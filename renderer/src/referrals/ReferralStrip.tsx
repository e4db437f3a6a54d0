import * as Collapsible from '@radix-ui/react-collapsible';
import { withoutHiddenControls } from '../../../shared/domain/text';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralView } from '../../../shared/contract/methods';
import { useClient } from '../client-context';
import { useContractQuery } from '../data/contract-query';
import { queryKeyOf } from '../data/contract-reads';
import { describeError } from '../errors';
import { formatDateTime } from '../format';

/**
 * The referrals of the open submission, under its header: whether a lead has answered, and the
 * thread with a reply box (the assessor's follow-up, or a lead's answer). Nothing when none.
 */
export function ReferralStrip({ submissionId }: { submissionId: string }): React.JSX.Element | null {
  const { t } = useTranslation();
  const list = useContractQuery('referral.list', { submissionId });
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
          <ReferralThread key={referral.id} referral={referral} submissionId={submissionId} />
        ))}
      </Collapsible.Content>
    </Collapsible.Root>
  );
}

export function ReferralThread({ referral, submissionId }: { referral: ReferralView; submissionId: string }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const queries = useQueryClient();
  const [reply, setReply] = useState('');
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
            <p>{item.body}</p>
          </li>
        ))}
      </ol>
      <form
        className="referral-reply"
        onSubmit={(event) => {
          event.preventDefault();
          if (reply.trim() === '') return;
          void client.invoke('referral.reply', { referralId: referral.id, body: reply }).then((result) => {
            if (!result.ok) return setMessage(describeError(result.error, t));
            queries.setQueryData(queryKeyOf('referral.list', { submissionId }), result.value);
            setReply('');
            setMessage('');
          });
        }}
      >
        <label className="visually-hidden" htmlFor={`reply-${referral.id}`}>
          {t('referral.reply')}
        </label>
        <textarea id={`reply-${referral.id}`} value={reply} maxLength={5000} placeholder={t('referral.replyPlaceholder')} onChange={(event) => setReply(withoutHiddenControls(event.target.value))} />
        <button type="submit">{t('referral.sendReply')}</button>
        <p role="status">{message}</p>
      </form>
    </section>
  );
}
