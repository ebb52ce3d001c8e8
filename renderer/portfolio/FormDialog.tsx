import './portfolio.css';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, useDialog } from '../ui/Dialog';
import { FormAlert } from '../ui/FormAlert';
import type { FormFailure } from '../ui/useFormFailure';
import { useSubmit } from './useSubmit';

interface FormDialogProps<F extends string> {
  title: string;
  /** The fields that show their own errors; others go to the summary. */
  fields: readonly F[];
  submitLabel: string;
  /** The submit button warns: the change is hard to take back (suspend, archive, rotate). */
  danger?: boolean;
  /** Runs the change; what it throws is shown in the dialog, which closes once it succeeds. */
  onSubmit: () => Promise<void>;
  onClosed: () => void;
  children: (failure: FormFailure<F>) => ReactNode;
}

/** A modal form: its fields, Cancel, and the refusal in words where it happened. Confirmations are alert dialogs. */
export function FormDialog<F extends string>({ title, fields, submitLabel, danger = false, onSubmit, onClosed, children }: FormDialogProps<F>) {
  const { t } = useTranslation();
  const dialog = useDialog();
  const { failure, busy, submit, formRef } = useSubmit(fields, () => onSubmit().then(dialog.close));

  return (
    <Dialog title={title} dialogRef={dialog.ref} onClosed={onClosed} role={danger ? 'alertdialog' : 'dialog'}>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <FormAlert failure={failure} />
        {children(failure)}
        <div className="form-actions">
          <button type="submit" className={danger ? 'button danger' : 'button primary'} disabled={busy} aria-busy={busy}>
            {submitLabel}
          </button>
          <button type="button" className="button" onClick={dialog.close}>
            {t('portfolio.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
