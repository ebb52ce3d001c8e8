import type { OperatorSession } from '../../shared/operators';
import { useTranslation } from 'react-i18next';
import { ImpersonationLayer, OpenSessionsButton, ResellerPortalButton } from '../impersonation';
import { PreferenceControls } from '../preferences/PreferenceControls';
import { SignOutButton } from './SignOutButton';
import { PRODUCT_NAME } from './StartPage';

/** Product, who is signed in, the client windows and the reseller's own portal, preferences and the way out. */
export function Header({ session }: { session: OperatorSession }) {
  const { t } = useTranslation();
  const { displayName, role } = session.operator;
  return (
    <>
      <header className="app-header">
        <h1 className="app-title">{PRODUCT_NAME}</h1>
        <p className="app-operator" title={session.operator.email}>
          {t('header.operator', { name: displayName, role })}
        </p>
        <OpenSessionsButton />
        <ResellerPortalButton />
        <PreferenceControls />
        <SignOutButton />
      </header>
      <ImpersonationLayer />
    </>
  );
}
