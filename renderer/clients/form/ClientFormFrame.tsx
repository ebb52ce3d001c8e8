import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../../portfolio/useSubmit';
import { FormAlert } from '../../ui/FormAlert';
import { discardingChanges, useUnsavedChanges } from '../../ui/unsavedChanges';
import type { FormFailure } from '../../ui/useFormFailure';
import { closeForm } from '../detailStore';

interface ClientFormFrameProps {
  title: string;
  submitLabel: string;
  fields: readonly string[];
  /** The fields differ from what the form started with: leaving it asks first. */
  dirty: boolean;
  /** Sends the form; what it throws is shown at the fields and above them. */
  onSubmit: () => Promise<void>;
  children: (failure: FormFailure<string>) => ReactNode;
}

/** The right-hand panel as a form: heading, the summary of problems, the fields, Save and Cancel. */
export function ClientFormFrame({ title, submitLabel, fields, dirty, onSubmit, children }: ClientFormFrameProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { failure, busy, submit, formRef } = useSubmit(fields, onSubmit);
  useUnsavedChanges(dirty, formRef, closeForm);

  return (
    <form
      ref={formRef}
      className="client-form form"
      aria-labelledby={headingId}
      onSubmit={submit}
      noValidate
      onKeyDown={(event) => {
        // Escape leaves the form as Cancel does, asking first when something was typed.
        if (event.key === 'Escape' && !event.defaultPrevented && !(event.target as Element).closest('dialog')) {
          event.preventDefault();
          discardingChanges(closeForm);
        }
      }}
    >
      <header className="detail-header">
        <h2 id={headingId}>{title}</h2>
      </header>
      <FormAlert failure={failure} />
      {children(failure)}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy} aria-busy={busy}>
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={closeForm}>
          {t('portfolio.cancel')}
        </button>
      </div>
    </form>
  );
}
