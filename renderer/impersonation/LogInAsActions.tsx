import './impersonation.css';
import { useEffect, useId, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { View } from '../../shared/impersonation';
import { Checkbox } from '../ui/Checkbox';
import { loadPartnerAccess } from './accessStore';
import { useGates } from './gates';
import { logInAs, useLogIn, type LogInClient } from './logIn';
import { loadImpersonationSettings } from './settingsStore';
import { logInKeysText, shortcut, shortcutKeys } from './shortcuts';

/**
 * "Log in as client" and "Log in as partner" for one client: what a gate will
 * refuse is disabled and says why; Shift+click or the checkbox opens another
 * window even where one is open.
 */
export function LogInAsActions({ client }: { client: LogInClient }) {
  const { t } = useTranslation();
  const [newWindow, setNewWindow] = useState(false);
  const gates = useGates(client);
  const busy = useLogIn((s) => s.busy);
  const hintId = useId();
  const hints = [...new Set([gates.client.hint, gates.partner.hint].filter((hint) => hint !== null))];

  useEffect(() => {
    void loadImpersonationSettings();
    void loadPartnerAccess(client.id);
  }, [client.id]);

  function button(view: View) {
    const { allowed, hint } = gates[view];
    const keys = shortcut(shortcutKeys[view]);
    const click = (event: MouseEvent) => {
      if (allowed) void logInAs({ client, view, newWindow: newWindow || event.shiftKey });
    };
    return (
      <button
        type="button"
        className="button"
        aria-disabled={!allowed}
        aria-busy={busy}
        aria-keyshortcuts={keys.aria}
        aria-describedby={hint === null ? undefined : `${hintId}-${hints.indexOf(hint)}`}
        title={t('impersonation.actions.tooltip', { keys: keys.label })}
        onClick={click}
      >
        <span className={`view-dot view-${view}`} aria-hidden />
        {t(`impersonation.actions.${view}`)}
      </button>
    );
  }

  return (
    <div className="log-in-as" role="group" aria-label={t('impersonation.actions.group')}>
      <div className="log-in-buttons">
        {button('client')}
        {button('partner')}
        <Checkbox label={t('impersonation.actions.newWindow')} checked={newWindow} onChange={(e) => setNewWindow(e.target.checked)} />
      </div>
      {hints.map((hint, index) => (
        <p key={hint} id={`${hintId}-${index}`} className="log-in-hint">
          {hint}
        </p>
      ))}
      <p className="log-in-keys">{logInKeysText(t)}</p>
    </div>
  );
}
