import { useTranslation } from 'react-i18next';
import { useContractMutation } from '../data/contract-mutation';
import { describeFailure } from '../errors';
import { useNavigation } from '../navigation/use-navigation';
import { openBesideMethods } from './mutations';

/**
 * "Open beside the evidence": brings the submission here as a read-only review batch and opens it
 * in the scoring view; a refusal is said in `onError`.
 */
export function OpenBeside({ kind, submissionId, onError }: { kind: keyof typeof openBesideMethods; submissionId: string; onError: (message: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const { openBeside } = useNavigation();
  const bring = useContractMutation(openBesideMethods[kind]);
  return (
    <p>
      <button
        type="button"
        onClick={() => bring.mutate({ submissionId }, { onSuccess: ({ batchId }) => openBeside(batchId, submissionId, kind), onError: (error) => onError(describeFailure(error, t)) })}
      >
        {t('adjudication.openBeside')}
      </button>
    </p>
  );
}
