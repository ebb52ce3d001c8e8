import './theme.css';
import './layout.css';
import { useEffect, useState } from 'react';
import { ClientsWorkspace } from '../clients/ClientsWorkspace';
import { ScreenNav } from '../navigation/ScreenNav';
import { showScreen, useScreen } from '../navigation/store';
import { followPreferences, loadPreferences } from '../preferences/store';
import { SignInScreen } from '../session/SignInScreen';
import { loadSession, useSession } from '../session/store';
import { DiscardChangesPrompt } from '../ui/DiscardChangesPrompt';
import { lazyNamed, WhenLoaded } from '../ui/lazy';
import { OpenWorkspaceScreen } from '../workspace/OpenWorkspaceScreen';
import { SecretsNotices } from '../workspace/SecretsNotices';
import { SetupScreen } from '../workspace/SetupScreen';
import { UnavailableScreen } from '../workspace/UnavailableScreen';
import { loadAppInfo, loadStatus, useWorkspace } from '../workspace/store';
import { handleFailure } from './failures';
import { Header } from './Header';
import { ProblemBanner } from './ProblemBanner';

// What the first screen (sign-in, then the clients) does not need loads when first shown.
const ImportScreen = lazyNamed(() => import('../import/ImportScreen'), 'ImportScreen');
const SettingsScreen = lazyNamed(() => import('../settings/SettingsScreen'), 'SettingsScreen');

/** The whole UI: the banners for internal errors and for secrets kept unprotected above whichever screen applies. */
export function App() {
  const [started, setStarted] = useState(false);
  useEffect(() => {
    const stop = followPreferences();
    Promise.all([loadPreferences(), loadAppInfo(), loadStatus(), loadSession()]).then(() => setStarted(true), handleFailure);
    return stop;
  }, []);
  return (
    <>
      <ProblemBanner />
      <SecretsNotices />
      {started && <Screen />}
    </>
  );
}

/** Signed in, or else what the workspace needs: first start, sign-in, or another file. */
function Screen() {
  const session = useSession((s) => s.session);
  const status = useWorkspace((s) => s.status);
  const choosingFile = useWorkspace((s) => s.choosingFile);
  if (session) {
    return (
      <div className="signed-in">
        <Header session={session} />
        <ScreenNav />
        <main className="signed-in-main">
          <SignedInScreens />
        </main>
        <DiscardChangesPrompt />
      </div>
    );
  }
  if (choosingFile) return <OpenWorkspaceScreen />;
  switch (status?.state) {
    case 'setup':
      return <SetupScreen />;
    case 'ready':
      return <SignInScreen status={status} />;
    case 'unavailable':
      return <UnavailableScreen status={status} />;
    default:
      return null;
  }
}

/** The clients stay mounted (search, scroll and selection kept) while the import or the settings show. */
function SignedInScreens() {
  const screen = useScreen((s) => s.screen);
  // The next operator to sign in starts with the clients.
  useEffect(() => () => showScreen('clients'), []);
  return (
    <>
      <div className="screen" hidden={screen !== 'clients'}>
        <ClientsWorkspace />
      </div>
      <WhenLoaded>
        {screen === 'import' && <ImportScreen />}
        {screen === 'settings' && <SettingsScreen />}
      </WhenLoaded>
    </>
  );
}
