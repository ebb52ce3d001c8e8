import '../ui/tabs.css';
import './navigation.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { dialogOpen, isShortcut, keys as keysOf } from '../ui/keys';
import { navigate, useScreen, type Screen } from './store';

/** Ctrl/Cmd+, opens the settings, as in most desktop apps. */
function onShortcut(event: KeyboardEvent): void {
  if (isShortcut(event, ',') && !dialogOpen()) {
    event.preventDefault();
    navigate('settings');
  }
}

/** The screens under the header; the clients stay where they were while the operator is elsewhere. */
export function ScreenNav() {
  const { t } = useTranslation();
  const screen = useScreen((s) => s.screen);
  useEffect(() => {
    window.addEventListener('keydown', onShortcut);
    return () => window.removeEventListener('keydown', onShortcut);
  }, []);
  const item = (target: Screen, label: string, current: boolean, keys?: ReturnType<typeof keysOf>) => (
    <button
      type="button"
      className="tab"
      aria-current={current ? 'page' : undefined}
      aria-keyshortcuts={keys?.aria}
      title={keys && t('portfolio.nav.shortcut', { keys: keys.label })}
      onClick={() => navigate(target)}
    >
      {label}
    </button>
  );
  return (
    <nav className="screen-nav" aria-label={t('portfolio.nav.label')}>
      {item('clients', t('portfolio.nav.clients'), screen !== 'settings')}
      {item('settings', t('portfolio.nav.settings'), screen === 'settings', keysOf(','))}
    </nav>
  );
}
