import type { ClientDetail } from '../../shared/clients';
import type { ImpersonationSettings, View } from '../../shared/impersonation';
import type { Permission } from '../../shared/permissions';
import type { SignedInOperator } from '../app/context';
import { AppError, forbidden, invalidField } from '../app/errors';

export const permissionFor = (view: View): Permission => (view === 'client' ? 'impersonate.client' : 'impersonate.partner');

export interface AdmissionInput {
  operator: SignedInOperator;
  client: ClientDetail;
  view: View;
  /** The reason given; null where it is not asked yet (checking the gates ahead of opening). */
  reason: string | null;
  settings: ImpersonationSettings;
  access: { partnerAccess: 'allowed' | 'refused'; partnerAccessUntil: number | null };
  now: number;
}

/**
 * Step 1 of the handshake, after the client was found within the operator's
 * reach: may this operator open this client in this view now? Throws the
 * refusal; answers whether the window must be read-only.
 */
export function admit(input: AdmissionInput): { readOnly: boolean } {
  const { operator, client, view, settings, access } = input;
  const permission = permissionFor(view);
  if (!operator.permissions.has(permission)) {
    throw new AppError('FORBIDDEN', 'errors.missingPermission', 'Your role does not include this right.', { params: { permission } });
  }
  if (client.status === 'archived') {
    throw forbidden('impersonation.archived', 'Archived clients cannot be opened; restore the client first.');
  }
  if (view === 'partner') {
    if (!settings.partnerLogin) {
      throw forbidden('impersonation.partnerLoginOff', 'Partner login is off for this workspace. An administrator can turn it on in the settings.');
    }
    if (access.partnerAccess === 'refused') {
      throw forbidden('impersonation.partnerRefused', 'This client does not allow partner access.');
    }
    if (access.partnerAccessUntil !== null && access.partnerAccessUntil <= input.now) {
      throw forbidden('impersonation.partnerExpired', 'This client’s permission for partner access has expired.', { until: access.partnerAccessUntil });
    }
  }
  if (client.status === 'suspended' && view === 'client') {
    throw forbidden('impersonation.suspendedClientView', 'This client is suspended: open it in the partner view (read-only) instead.');
  }
  if (input.reason !== null && settings.reasonPolicy === 'required' && !input.reason.trim()) {
    throw invalidField('reason', 'impersonation.reasonRequired', 'Please give a reason or ticket reference.');
  }
  return { readOnly: client.status === 'suspended' };
}

/** `admit` as an answer rather than a throw, for asking ahead of opening and re-asking for open windows. */
export function admission(input: AdmissionInput): { readOnly: boolean } | { refusal: AppError } {
  try {
    return admit(input);
  } catch (error) {
    if (error instanceof AppError) return { refusal: error };
    throw error;
  }
}
