import * as Dialog from '@radix-ui/react-dialog';
import { useTranslation } from 'react-i18next';
import { QualityPanel } from '../quality/QualityPanel';
import type { Words } from '../words';
import { HostedPanel } from './HostedPanel';
import { useSession } from './queries';

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** A batch arrived (a claim, a calibration set): the panel closes, and the message says what came. */
  onBatch: (batchId: string, message: Words, how: 'claimed' | 'calibration') => void;
}

/**
 * Everything about the account that is not scoring: signing in and out, claiming, sync and
 * downloads, storage and retention, settings, and the assessor's qualification. A drawer of its
 * own, so the scoring screen keeps its space.
 */
export function AccountDrawer({ open, onOpenChange, onBatch }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const session = useSession();
  const batchArrived =
    (how: 'claimed' | 'calibration') =>
    (batchId: string, message: Words): void => {
      onBatch(batchId, message, how);
      onOpenChange(false);
    };
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="drawer" aria-describedby={undefined}>
          <header className="drawer-header">
            <Dialog.Title>{t('account.title')}</Dialog.Title>
            <Dialog.Close asChild>
              <button type="button" className="icon-button" aria-label={t('common.close')}>
                ×
              </button>
            </Dialog.Close>
          </header>
          <HostedPanel onClaimed={batchArrived('claimed')} />
          {session?.signedIn && <QualityPanel onCalibrationStarted={batchArrived('calibration')} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
