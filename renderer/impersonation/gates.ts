import { useTranslation } from 'react-i18next';
import type { ImpersonationSettings, View } from '../../shared/impersonation';
import type { OperatorSession } from '../../shared/operators';
import type { Permission } from '../../shared/permissions';
import { hasPermission, useSession } from '../session/store';
import { usePartnerAccess, type ClientAccess } from './accessStore';
import type { LogInClient } from './logIn';
import { useImpersonationSettings } from './settingsStore';

/** What the UI knows when it foresees a gate; null for what has not arrived yet. */
interface Known {
  session: OperatorSession | null;
  settings: ImpersonationSettings | null;
  access: ClientAccess | null;
}

type Words =
  | { key: 'errors.missingPermission'; params: { permission: Permission } }
  | {
      key:
        | 'impersonation.archived'
        | 'impersonation.suspendedClientView'
        | 'impersonation.partnerLoginOff'
        | 'impersonation.actions.partnerLoginOffAdmin'
        | 'impersonation.partnerRefused';
    }
  | { key: 'impersonation.partnerExpired' | 'impersonation.actions.allowedUntil'; params: { until: number } };

export interface Foreseen {
  /** Whether the main process will let the operator in; null until what decides it has arrived. */
  allowed: boolean | null;
  /** Why not, or what to expect (read-only, access until a day), in the main process's own words. */
  words: Words | null;
}

const permissionFor: Record<View, Permission> = { client: 'impersonate.client', partner: 'impersonate.partner' };

/**
 * The gates of the handshake as the UI can foresee them, in the order the main
 * process checks them (electron/impersonation/gates.ts). It stays the judge:
 * whatever it refuses anyway is shown as a notice.
 */
export function foresee(client: LogInClient, view: View, { session, settings, access }: Known): Foreseen {
  const refuse = (words: Words): Foreseen => ({ allowed: false, words });
  const permission = permissionFor[view];
  if (!hasPermission(session, permission)) return refuse({ key: 'errors.missingPermission', params: { permission } });
  if (client.status === 'archived') return refuse({ key: 'impersonation.archived' });
  // A suspended client: the client view is refused, the partner view opens read-only; the same words say both.
  const suspended: Words | null = client.status === 'suspended' ? { key: 'impersonation.suspendedClientView' } : null;
  if (view === 'client') return suspended ? refuse(suspended) : { allowed: true, words: null };
  if (!settings || !access) return { allowed: null, words: null };
  if (!settings.partnerLogin) {
    // Those who may turn it on are told where.
    return refuse({ key: hasPermission(session, 'impersonation.manage') ? 'impersonation.actions.partnerLoginOffAdmin' : 'impersonation.partnerLoginOff' });
  }
  if (access.partnerAccess === 'refused') return refuse({ key: 'impersonation.partnerRefused' });
  const until = access.partnerAccessUntil;
  if (until !== null && until <= Date.now()) return refuse({ key: 'impersonation.partnerExpired', params: { until } });
  return { allowed: true, words: suspended ?? (until === null ? null : { key: 'impersonation.actions.allowedUntil', params: { until } }) };
}

export interface Gate {
  allowed: boolean;
  hint: string | null;
}

/** Both buttons' gates for a client, in words; a button whose gate is not known yet waits (disabled, no words). */
export function useGates(client: LogInClient): Record<View, Gate> {
  const { t } = useTranslation();
  const known = {
    session: useSession((s) => s.session),
    settings: useImpersonationSettings((s) => s.settings),
    access: usePartnerAccess((s) => s.byClient.get(client.id) ?? null),
  };
  const gate = (view: View): Gate => {
    const { allowed, words } = foresee(client, view, known);
    return { allowed: allowed === true, hint: words && ('params' in words ? t(words.key, words.params) : t(words.key)) };
  };
  return { client: gate('client'), partner: gate('partner') };
}
