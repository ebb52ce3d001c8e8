import { useTranslation } from 'react-i18next';
import { SESSIONS_BUTTON_ID, SESSIONS_PANEL_ID } from './OpenSessionsPanel';
import { togglePanel, useOpenSessions } from './sessionsStore';
import { shortcut, shortcutKeys } from './shortcuts';

/** "Open sessions" with the count of open client windows; shows or hides the panel. */
export function OpenSessionsButton() {
  const { t } = useTranslation();
  const count = useOpenSessions((s) => s.sessions?.length ?? 0);
  const open = useOpenSessions((s) => s.panelOpen);
  const keys = shortcut(shortcutKeys.sessions);
  return (
    <button
      type="button"
      id={SESSIONS_BUTTON_ID}
      className="button sessions-button"
      aria-label={count ? t('sessions.buttonCount', { count }) : t('sessions.button')}
      aria-expanded={open}
      aria-controls={open ? SESSIONS_PANEL_ID : undefined}
      aria-keyshortcuts={keys.aria}
      title={t('sessions.buttonTooltip', { keys: keys.label })}
      onClick={togglePanel}
    >
      {t('sessions.button')}
      {count > 0 && (
        <span className="count-badge" aria-hidden>
          {count}
        </span>
      )}
    </button>
  );
}
