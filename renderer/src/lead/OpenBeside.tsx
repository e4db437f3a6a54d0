import { useTranslation } from 'react-i18next';
import { useClient } from '../client-context';
import { describeError } from '../errors';

/**
 * "Open beside the evidence": brings the submission here as a read-only review batch (through the
 * given method) and opens it in the scoring view; a refusal is said in `onError`.
 */
export function OpenBeside({
  method,
  submissionId,
  onOpened,
  onError,
}: {
  method: 'lead.openAdjudication' | 'lead.openBackread' | 'lead.openReferral';
  submissionId: string;
  onOpened: (batchId: string, submissionId: string) => void;
  onError: (message: string) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const client = useClient();
  return (
    <p>
      <button
        type="button"
        onClick={() =>
          void client.invoke(method, { submissionId }).then((result) => {
            if (result.ok) onOpened(result.value.batchId, submissionId);
            else onError(describeError(result.error, t));
          })
        }
      >
        {t('adjudication.openBeside')}
      </button>
    </p>
  );
}
