import { withoutHiddenControls } from '../../../shared/domain/text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReferralReason } from '../../../shared/hosted-api/referrals';
import { useContractMutation } from '../data/contract-mutation';
import { DialogActions, ModalDialog } from '../dialog/ModalDialog';
import { describeFailure } from '../errors';
import { createReferral } from './mutations';

/** "Refer to a lead": a reason and a question about this submission, queued to reach a lead (offline too). */
export function ReferDialog({ submissionId }: { submissionId: string }): React.JSX.Element {
  const { t } = useTranslation();
  const create = useContractMutation(createReferral);
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
          create.mutate(
            { submissionId, reason, question },
            {
              onSuccess: () => {
                setReason('');
                setQuestion('');
                setOpen(false);
              },
              onError: (error) => setMessage(describeFailure(error, t)),
            },
          );
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
