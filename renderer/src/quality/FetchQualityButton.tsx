import { useTranslation } from 'react-i18next';
import { useContractMutation } from '../data/contract-mutation';
import { describeFailure } from '../errors';
import { refreshQuality } from './mutations';

interface Props {
  label: string;
  /** Another of the view's calls is running. */
  busy: boolean;
  /** Said beside the view's other messages: '' once fetched, or why not. */
  onMessage: (message: string) => void;
}

/** Fetches quality data now; what arrives reaches every view showing it through core's event. */
export function FetchQualityButton({ label, busy, onMessage }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const refresh = useContractMutation(refreshQuality);
  return (
    <button type="button" disabled={busy || refresh.isPending} onClick={() => refresh.mutate({}, { onSuccess: () => onMessage(''), onError: (error) => onMessage(describeFailure(error, t)) })}>
      {label}
    </button>
  );
}
