import { useState } from 'react';
import { withoutHiddenControls } from '../../../shared/domain/text';
import { useTranslation } from 'react-i18next';
import { useContractMutation } from '../data/contract-mutation';
import { DialogActions, ModalDialog } from '../dialog/ModalDialog';
import { describeFailure } from '../errors';
import { allowRetake } from './mutations';

interface Props {
  setId: string;
  setTitle: string;
  accountId: string;
  name: string;
}

/**
 * "Allow a retake…": a calibration answer is final, so taking a set again is a lead's recorded
 * decision, with a note (online: the new attempt is made on the server). The figures follow with
 * the quality data core fetches afterwards.
 */
export function AllowRetake({ setId, setTitle, accountId, name }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const retake = useContractMutation(allowRetake);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState('');
  return (
    <ModalDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setMessage('');
      }}
      title={t('retake.title', { name, title: setTitle })}
      description={t('retake.text')}
      trigger={<button type="button">{t('retake.open')}</button>}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (note.trim() === '') return setMessage(t('retake.noteNeeded'));
          retake.mutate(
            { setId, accountId, note: note.trim() },
            {
              onSuccess: () => {
                setNote('');
                setOpen(false);
              },
              onError: (error) => setMessage(describeFailure(error, t)),
            },
          );
        }}
      >
        <label>
          {t('retake.note')} <textarea
            value={note}
            maxLength={2000}
            onChange={(event) => {
              setNote(withoutHiddenControls(event.target.value));
              setMessage('');
            }}
          />
        </label>
        <p role="status">{message}</p>
        <DialogActions cancel={t('common.cancel')} confirm={t('retake.confirm')} busy={retake.isPending} />
      </form>
    </ModalDialog>
  );
}
