import { useTranslation } from 'react-i18next';
import { invoke } from '../ipc/client';
import { showFailure } from './noticesStore';

/** The operator's own reseller account, in its window whose session persists. */
export function ResellerPortalButton() {
  const { t } = useTranslation();
  const open = () => invoke('impersonation.openResellerPortal').catch((thrown: unknown) => showFailure(thrown));
  return (
    <button type="button" className="button" onClick={open}>
      {t('portal.myPortal')}
    </button>
  );
}
