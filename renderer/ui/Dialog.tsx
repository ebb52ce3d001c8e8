import './dialog.css';
import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';

interface DialogProps {
  title: string;
  /** Called once the dialog has closed: by Escape, or by `dialogRef.current.close()`. */
  onClosed: () => void;
  dialogRef: RefObject<HTMLDialogElement | null>;
  /** 'alertdialog' for a confirmation. */
  role?: 'dialog' | 'alertdialog';
  children: ReactNode;
}

/**
 * A modal dialog on the platform's <dialog>: focus moves in (to the first
 * control, or the one marked `data-autofocus`: React's autoFocus acts before
 * the dialog is open) and stays there, Escape closes it, and focus returns to
 * where it was when it closes.
 */
export function Dialog({ title, onClosed, dialogRef, role = 'dialog', children }: DialogProps) {
  const id = useId();
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
  }, [dialogRef]);
  return (
    <dialog ref={dialogRef} className="dialog" role={role} aria-labelledby={id} onClose={onClosed}>
      <h2 id={id} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

/** A ref for a Dialog and the way to close it (which then calls its `onClosed`). */
export function useDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  return { ref, close: () => ref.current?.close() };
}
