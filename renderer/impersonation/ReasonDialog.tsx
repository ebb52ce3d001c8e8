import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../portfolio/useSubmit';
import { Dialog, useDialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { FormAlert } from '../ui/FormAlert';
import { openSession, stopAsking, useLogIn, type LogInRequest } from './logIn';
import { useImpersonationSettings } from './settingsStore';

/** Asks for the reason or ticket reference, when an opening waits for one. */
export function ReasonPrompt() {
  const asking = useLogIn((s) => s.asking);
  return asking && <ReasonDialog request={asking} />;
}

/** The reason goes to the audit log with the session; the policy says whether it may be skipped. */
function ReasonDialog({ request }: { request: LogInRequest }) {
  const { t } = useTranslation();
  const required = useImpersonationSettings((s) => s.settings?.reasonPolicy === 'required');
  const dialog = useDialog();
  const [reason, setReason] = useState('');
  // What is sent: the reason as typed, or none when skipped.
  const sent = useRef('');
  const { failure, busy, submit, formRef } = useSubmit(['reason'] as const, async () => {
    await openSession(request, sent.current);
    dialog.close();
  });
  const send = (withReason: string, event?: FormEvent) => {
    sent.current = withReason;
    void submit(event);
  };

  return (
    <Dialog title={t(`impersonation.reason.title.${request.view}`, { client: request.client.companyName })} dialogRef={dialog.ref} onClosed={stopAsking}>
      <form ref={formRef} className="form" onSubmit={(event) => send(reason, event)} noValidate>
        <p>{t(required ? 'impersonation.reason.introRequired' : 'impersonation.reason.introOptional')}</p>
        <FormAlert failure={failure} />
        <Field
          label={t('impersonation.reason.label')}
          hint={t('impersonation.reason.hint')}
          name="reason"
          maxLength={500}
          autoComplete="off"
          autoFocus
          aria-required={required}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={failure.fieldError('reason')}
        />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {t('impersonation.reason.submit')}
          </button>
          {!required && (
            <button type="button" className="button" disabled={busy} onClick={() => send('')}>
              {t('impersonation.reason.skip')}
            </button>
          )}
          <button type="button" className="button" onClick={dialog.close}>
            {t('impersonation.reason.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
