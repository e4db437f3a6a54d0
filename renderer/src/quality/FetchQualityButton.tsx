import { useTranslation } from 'react-i18next';
import { useClient } from '../client-context';
import { describeError } from '../errors';

interface Props {
  label: string;
  busy: boolean;
  /** The caller's button work (busy while it runs, and the message it ends with). */
  run: (work: () => Promise<string>) => Promise<void>;
}

/** Fetches quality data now; what arrives reaches every view showing it through core's event. */
export function FetchQualityButton({ label, busy, run }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const client = useClient();
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() =>
        void run(async () => {
          const result = await client.invoke('quality.refresh', {});
          return result.ok ? '' : describeError(result.error, t);
        })
      }
    >
      {label}
    </button>
  );
}
