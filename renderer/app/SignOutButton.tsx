import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenSessions } from '../impersonation';
import { signOut } from '../session/store';
import { Dialog, useDialog } from '../ui/Dialog';
import { discardingChanges } from '../ui/unsavedChanges';
import { handleFailure } from './failures';

const leave = () => discardingChanges(() => void signOut().catch(handleFailure));

/** Signing out ends every open client window with the session: with any open, the operator confirms it first. */
export function SignOutButton() {
  const { t } = useTranslation();
  const open = useOpenSessions((s) => s.sessions?.length ?? 0);
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => (open > 0 ? setConfirming(true) : leave())}>
        {t('header.signOut')}
      </button>
      {confirming && <ConfirmSignOut count={open} onClosed={() => setConfirming(false)} />}
    </>
  );
}

function ConfirmSignOut({ count, onClosed }: { count: number; onClosed: () => void }) {
  const { t } = useTranslation();
  const dialog = useDialog();
  return (
    <Dialog title={t('header.signOutTitle')} role="alertdialog" dialogRef={dialog.ref} onClosed={onClosed}>
      <p className="dialog-text">{t('header.signOutText', { count })}</p>
      <div className="form-actions">
        <button
          type="button"
          className="button primary"
          onClick={() => {
            dialog.close();
            leave();
          }}
        >
          {t('header.signOut')}
        </button>
        <button type="button" className="button" data-autofocus onClick={dialog.close}>
          {t('portfolio.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
