import { useTranslation } from 'react-i18next';
import { invoke } from '../ipc/client';
import { showFailure } from './noticesStore';

/** The operator's own reseller account, opened signed in; its window closes when the operator signs out. */
export function ResellerPortalButton() {
  const { t } = useTranslation();
  const open = () => invoke('impersonation.openResellerPortal').catch((thrown: unknown) => showFailure(thrown));
  return (
    <button type="button" className="button" onClick={open}>
      {t('portal.myPortal')}
    </button>
  );
}
