import { Dialog, useDialog } from './Dialog';

interface ConfirmDialogProps {
  title: string;
  text: string;
  confirmLabel: string;
  cancelLabel: string;
  /** The step loses something (unsaved input): its button says so in colour. */
  danger?: boolean;
  onConfirm: () => void;
  onClosed: () => void;
}

/** "Are you sure?" before a step that closes, ends or discards things: the step's own words on its button, Cancel focused. */
export function ConfirmDialog({ title, text, confirmLabel, cancelLabel, danger = false, onConfirm, onClosed }: ConfirmDialogProps) {
  const dialog = useDialog();
  return (
    <Dialog title={title} role="alertdialog" dialogRef={dialog.ref} onClosed={onClosed}>
      <p className="dialog-text">{text}</p>
      <div className="form-actions">
        <button
          type="button"
          className={`button ${danger ? 'danger' : 'primary'}`}
          onClick={() => {
            dialog.close();
            onConfirm();
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button" data-autofocus onClick={dialog.close}>
          {cancelLabel}
        </button>
      </div>
    </Dialog>
  );
}
