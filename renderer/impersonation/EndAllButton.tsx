import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../ui/ConfirmDialog';
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
      {confirming && (
        <ConfirmDialog
          title={t('sessions.confirmTitle')}
          text={t('sessions.confirmText', { count })}
          confirmLabel={t('sessions.endAll')}
          cancelLabel={t('sessions.cancel')}
          onConfirm={() => void endAllSessions()}
          onClosed={() => setConfirming(false)}
        />
      )}
    </>
  );
}
