import * as Dialog from '@radix-ui/react-dialog';

interface Props {
  title: string;
  description: string;
  /** The button that opens it, when the dialog is not opened from elsewhere. */
  trigger?: React.ReactElement;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  className?: string;
  children: React.ReactNode;
}

/** A modal dialog (Radix): named by its title, focus kept inside, Escape closes, focus returns. */
export function ModalDialog({ title, description, trigger, open, onOpenChange, className, children }: Props): React.JSX.Element {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>}
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className={className ? `dialog ${className}` : 'dialog'}>
          <Dialog.Title>{title}</Dialog.Title>
          <Dialog.Description className="hint">{description}</Dialog.Description>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export const DialogClose = Dialog.Close;

/**
 * A dialog's buttons: one that closes it (cancel, go back) and the one that does what it is for — a
 * submit button for a dialog that is a form, or a button running `onConfirm`.
 */
export function DialogActions({ cancel, confirm, onConfirm, busy = false }: { cancel: string; confirm: string; onConfirm?: () => void; busy?: boolean }): React.JSX.Element {
  return (
    <div className="dialog-actions">
      <Dialog.Close asChild>
        <button type="button">{cancel}</button>
      </Dialog.Close>
      <button type={onConfirm ? 'button' : 'submit'} className="primary" disabled={busy} onClick={onConfirm}>
        {confirm}
      </button>
    </div>
  );
}
