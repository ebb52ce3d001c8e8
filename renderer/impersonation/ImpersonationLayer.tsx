import './impersonation.css';
import { useEffect } from 'react';
import { forgetPartnerAccess } from './accessStore';
import { stopAsking } from './logIn';
import { clearNotices } from './noticesStore';
import { Notices } from './Notices';
import { OpenSessionsPanel } from './OpenSessionsPanel';
import { ReasonPrompt } from './ReasonDialog';
import { followSessions } from './sessionsStore';
import { forgetImpersonationSettings } from './settingsStore';
import { onImpersonationShortcut } from './shortcuts';

/**
 * What log-in-as adds to the signed-in workspace as a whole: it follows the
 * open sessions, listens for its shortcuts, and shows the sessions panel,
 * the reason prompt and the notices. Everything is forgotten on sign-out.
 */
export function ImpersonationLayer() {
  useEffect(() => {
    const stop = followSessions();
    window.addEventListener('keydown', onImpersonationShortcut);
    return () => {
      window.removeEventListener('keydown', onImpersonationShortcut);
      stop();
      stopAsking();
      clearNotices();
      forgetPartnerAccess();
      forgetImpersonationSettings();
    };
  }, []);
  return (
    <>
      <OpenSessionsPanel />
      <ReasonPrompt />
      <Notices />
    </>
  );
}
