import { useTranslation } from 'react-i18next';
import type { OpenSessionInfo } from '../../shared/impersonation';
import { errorText } from '../ui/errorText';
import { dismissNotice, useNotices, type Notice } from './noticesStore';
import { dismissWarning, endSession, extendSession, useOpenSessions } from './sessionsStore';

/** Bottom right (left of the sessions panel while it is open), over the workspace without blocking it: windows about to end, and refusals. */
export function Notices() {
  const expiring = useOpenSessions((s) => s.expiring);
  const notices = useNotices((s) => s.notices);
  const besidePanel = useOpenSessions((s) => s.panelOpen);
  if (expiring.length === 0 && notices.length === 0) return null;
  return (
    <div className={besidePanel ? 'notices beside-panel' : 'notices'}>
      {expiring.map((session) => (
        <ExpiryWarning key={session.id} session={session} />
      ))}
      {notices.map((notice) => (
        <Refusal key={notice.id} notice={notice} />
      ))}
    </div>
  );
}

function ExpiryWarning({ session }: { session: OpenSessionInfo }) {
  const { t } = useTranslation();
  return (
    <div className="notice alert alert-warning" role="alert">
      <p>{t(`sessions.expiring.${session.view}`, { client: session.clientName })}</p>
      <div className="notice-actions">
        <button type="button" className="button primary" onClick={() => void extendSession(session.id)}>
          {t('sessions.extend')}
        </button>
        <button type="button" className="button" onClick={() => void endSession(session.id)}>
          {t('sessions.returnNow')}
        </button>
        <button type="button" className="button link" onClick={() => dismissWarning(session.id)}>
          {t('app.dismiss')}
        </button>
      </div>
    </div>
  );
}

function Refusal({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const { opening } = notice;
  return (
    <div className="notice alert alert-error" role="alert">
      {opening && <p className="notice-title">{t(`sessions.refused.${opening.view}`, { client: opening.clientName })}</p>}
      <p>{errorText(notice.error)}</p>
      <div className="notice-actions">
        <button type="button" className="button link" onClick={() => dismissNotice(notice.id)}>
          {t('app.dismiss')}
        </button>
      </div>
    </div>
  );
}
