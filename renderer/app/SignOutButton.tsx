import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenSessions } from '../impersonation';
import { signOut } from '../session/store';
import { ConfirmDialog } from '../ui/ConfirmDialog';
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
      {confirming && (
        <ConfirmDialog
          title={t('header.signOutTitle')}
          text={t('header.signOutText', { count: open })}
          confirmLabel={t('header.signOut')}
          cancelLabel={t('portfolio.cancel')}
          onConfirm={leave}
          onClosed={() => setConfirming(false)}
        />
      )}
    </>
  );
}
