import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Admission, View } from '../../shared/impersonation';
import { handleFailure } from '../app/failures';
import { translateOr } from '../i18n/i18n';
import { invoke } from '../ipc/client';
import { hasPermission, useSession } from '../session/store';
import { usePartnerAccess } from './accessStore';
import type { LogInClient } from './logIn';
import { useImpersonationSettings } from './settingsStore';

export interface Gate {
  allowed: boolean;
  hint: string | null;
}

/** The gates of both views as the main process judges them now (impersonation.check). */
export const checkGates = (clientId: number) => invoke('impersonation.check', { clientId });

/**
 * Both buttons' gates for a client, in words. They are asked again whenever
 * what decides them may have changed (the client's status, the workspace's
 * settings, the client's say on partner access); until the answer is here the
 * buttons wait, disabled and silent.
 */
export function useGates(client: LogInClient): Record<View, Gate> {
  const { t } = useTranslation();
  const session = useSession((s) => s.session);
  const settings = useImpersonationSettings((s) => s.settings);
  const access = usePartnerAccess((s) => s.byClient.get(client.id));
  const [answer, setAnswer] = useState<{ clientId: number; gates: Record<View, Admission> } | null>(null);

  useEffect(() => {
    let current = true;
    checkGates(client.id).then(
      (gates) => current && setAnswer({ clientId: client.id, gates }),
      (thrown: unknown) => current && handleFailure(thrown),
    );
    return () => void (current = false);
  }, [client.id, client.status, settings, access]);

  const gate = (view: View): Gate => {
    const admission = answer?.clientId === client.id ? answer.gates[view] : null;
    if (!admission) return { allowed: false, hint: null };
    if (!admission.allowed) {
      const { key, params, message } = admission.refusal;
      // Those who may turn partner login on are told where.
      if (key === 'impersonation.partnerLoginOff' && hasPermission(session, 'impersonation.manage')) {
        return { allowed: false, hint: t('impersonation.actions.partnerLoginOffAdmin') };
      }
      return { allowed: false, hint: translateOr(key, params, message) };
    }
    if (admission.readOnly) return { allowed: true, hint: t('impersonation.suspendedClientView') };
    if (admission.until !== null) return { allowed: true, hint: t('impersonation.actions.allowedUntil', { until: admission.until }) };
    return { allowed: true, hint: null };
  };
  return { client: gate('client'), partner: gate('partner') };
}
