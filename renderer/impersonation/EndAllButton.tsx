import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, useDialog } from '../ui/Dialog';
import { endAllSessions } from './sessionsStore';

/** "End all", after the operator confirmed it: every client window closes and is wiped. */
export function EndAllButton({ count }: { count: number }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        {t('sessions.endAll')}
      </button>
      {confirming && <ConfirmEndAll count={count} onClosed={() => setConfirming(false)} />}
    </>
  );
}

function ConfirmEndAll({ count, onClosed }: { count: number; onClosed: () => void }) {
  const { t } = useTranslation();
  const dialog = useDialog();
  function confirm() {
    dialog.close();
    void endAllSessions();
  }
  return (
    <Dialog title={t('sessions.confirmTitle')} role="alertdialog" dialogRef={dialog.ref} onClosed={onClosed}>
      <p className="dialog-text">{t('sessions.confirmText', { count })}</p>
      <div className="form-actions">
        <button type="button" className="button primary" onClick={confirm}>
          {t('sessions.endAll')}
        </button>
        <button type="button" className="button" data-autofocus onClick={dialog.close}>
          {t('sessions.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
