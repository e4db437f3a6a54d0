import { useQueryClient } from '@tanstack/react-query';
import { withoutHiddenControls } from '../../../shared/domain/text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReferralReason } from '../../../shared/hosted-api/referrals';
import { useClient } from '../client-context';
import { queryKeyOf } from '../data/contract-reads';
import { DialogActions, ModalDialog } from '../dialog/ModalDialog';
import { describeError } from '../errors';

/** "Refer to a lead": a reason and a question about this submission, queued to reach a lead (offline too). */
export function ReferDialog({ submissionId }: { submissionId: string }): React.JSX.Element {
  const { t } = useTranslation();
  const client = useClient();
  const queries = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReferralReason | ''>('');
  const [question, setQuestion] = useState('');
  const [message, setMessage] = useState('');
  return (
    <ModalDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setMessage('');
      }}
      title={t('referral.title')}
      description={t('referral.description')}
      trigger={<button type="button">{t('referral.open')}</button>}
    >
      <form
        className="refer-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (reason === '' || question.trim() === '') return setMessage(t('referral.needed'));
          void client.invoke('referral.create', { submissionId, reason, question }).then((result) => {
            if (!result.ok) return setMessage(describeError(result.error, t));
            queries.setQueryData(queryKeyOf('referral.list', { submissionId }), result.value);
            setReason('');
            setQuestion('');
            setOpen(false);
          });
        }}
      >
        <label>
          {t('referral.reason')}{' '}
          <select value={reason} onChange={(event) => setReason(event.target.value as ReferralReason | '')}>
            <option value="">{t('adjudication.choose')}</option>
            {ReferralReason.options.map((value) => (
              <option key={value} value={value}>
                {t(`referral.reasons.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('referral.question')} <textarea value={question} maxLength={5000} onChange={(event) => setQuestion(withoutHiddenControls(event.target.value))} />
        </label>
        <p role="status">{message}</p>
        <DialogActions cancel={t('common.cancel')} confirm={t('referral.send')} />
      </form>
    </ModalDialog>
  );
}
