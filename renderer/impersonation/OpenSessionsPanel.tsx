import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenSessionInfo } from '../../shared/impersonation';
import { Moment } from '../i18n/Moment';
import { formatWait, useCountdown } from '../ui/useCountdown';
import { EndAllButton } from './EndAllButton';
import { LoadFailed } from './LoadFailed';
import { endSession, focusSession, loadSessions, setPanelOpen, useOpenSessions } from './sessionsStore';
import { ViewBadge } from './ViewBadge';

export const SESSIONS_PANEL_ID = 'open-sessions';
export const SESSIONS_BUTTON_ID = 'open-sessions-button';

/** The drawer of open client windows, while the operator has it open. */
export function OpenSessionsPanel() {
  const open = useOpenSessions((s) => s.panelOpen);
  return open && <SessionsDrawer />;
}

function SessionsDrawer() {
  const { t } = useTranslation();
  const sessions = useOpenSessions((s) => s.sessions);
  const failed = useOpenSessions((s) => s.failed);
  const panel = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Focus moves in when it opens, and back to the header's button when it closes from inside.
  useLayoutEffect(() => {
    const region = panel.current;
    heading.current?.focus();
    return () => {
      if (region?.contains(document.activeElement)) document.getElementById(SESSIONS_BUTTON_ID)?.focus();
    };
  }, []);

  // An ended window takes its buttons along (all of them, after "End all"): focus stays in the panel instead of falling to the page.
  useEffect(() => {
    if (document.activeElement === document.body) heading.current?.focus();
  }, [sessions]);

  function onKeyDown(event: KeyboardEvent) {
    // Escape in the "End all" confirmation closes only that.
    if (event.key === 'Escape' && !(event.target as Element).closest('dialog')) {
      event.preventDefault();
      setPanelOpen(false);
    }
  }

  return (
    <section ref={panel} id={SESSIONS_PANEL_ID} className="sessions-panel" aria-label={t('sessions.title')} aria-busy={!sessions && !failed} onKeyDown={onKeyDown}>
      <header className="sessions-header">
        <h2 ref={heading} tabIndex={-1}>
          {t('sessions.title')}
        </h2>
        <button type="button" className="button" onClick={() => setPanelOpen(false)}>
          {t('sessions.close')}
        </button>
      </header>
      {failed ? (
        <LoadFailed failed={failed} onRetry={loadSessions} />
      ) : !sessions ? (
        <p className="sessions-note">{t('sessions.loading')}</p>
      ) : sessions.length === 0 ? (
        <div className="empty-state">
          <p className="empty-title">{t('sessions.empty')}</p>
          <p>{t('sessions.emptyHint')}</p>
        </div>
      ) : (
        <>
          <ul className="sessions-list">
            {sessions.map((session) => (
              <SessionItem key={session.id} session={session} />
            ))}
          </ul>
          <footer className="sessions-footer">
            <EndAllButton count={sessions.length} />
          </footer>
        </>
      )}
    </section>
  );
}

/** One open window: whose, which view, since when, how long it has left; focus or end it. */
function SessionItem({ session }: { session: OpenSessionInfo }) {
  const { t } = useTranslation();
  const left = useCountdown(session.endsAt);
  const names = { client: session.clientName, view: t(`impersonation.view.${session.view}`) };
  return (
    <li className={`session-item view-edge-${session.view}`}>
      <div className="session-line">
        <span className="session-client">{session.clientName}</span>
        <ViewBadge view={session.view} />
        {session.readOnly && <span className="badge badge-read-only">{t('sessions.readOnly')}</span>}
      </div>
      <p className="session-meta">
        {t('sessions.openedBy', { operator: session.operatorName })}{' '}
        <Moment at={session.startedAt} as="time" />
        {session.reason && ` · ${t('sessions.reason', { reason: session.reason })}`}
      </p>
      <div className="session-line">
        <span className="session-left" role="timer">
          {t(`sessions.left.${session.endsBy}`, { time: formatWait(left) })}
        </span>
        <button type="button" className="button" aria-label={t('sessions.focusLabel', names)} onClick={() => void focusSession(session.id)}>
          {t('sessions.focus')}
        </button>
        <button type="button" className="button" aria-label={t('sessions.endLabel', names)} onClick={() => void endSession(session.id)}>
          {t('sessions.end')}
        </button>
      </div>
    </li>
  );
}
