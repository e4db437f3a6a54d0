import * as Toast from '@radix-ui/react-toast';
import { useTranslation } from 'react-i18next';
import { DecisionToast } from '../decision/DecisionToast';
import type { Words } from '../words';

/** The toast: a decision (tied to its state), a message that goes by itself, or an error that stays until dismissed. */
export type ToastContent = { kind: 'decided'; submissionId: string; label: string; note: string | null } | { kind: 'info' | 'error'; words: Words };

/** A message is read, then gets out of the way. */
const infoToastMs = 6000;

export function AppToast({ toast, onUndo, onDismiss }: { toast: ToastContent | null; onUndo: (submissionId: string) => void; onDismiss: () => void }): React.JSX.Element | null {
  const { t } = useTranslation();
  if (!toast) return null;
  if (toast.kind === 'decided') return <DecisionToast submissionId={toast.submissionId} label={toast.label} note={toast.note} onUndo={() => onUndo(toast.submissionId)} onDismiss={onDismiss} />;
  return (
    // A message goes by itself (the timer pauses while the pointer or focus is on it); an error stays until dismissed.
    <Toast.Root
      className={`toast toast-${toast.kind}`}
      type={toast.kind === 'error' ? 'foreground' : 'background'}
      duration={toast.kind === 'error' ? Number.POSITIVE_INFINITY : infoToastMs}
      onOpenChange={(isOpen) => {
        if (!isOpen) onDismiss();
      }}
    >
      <Toast.Description>{toast.words(t)}</Toast.Description>
      <Toast.Close aria-label={t('common.dismiss')}>×</Toast.Close>
    </Toast.Root>
  );
}
