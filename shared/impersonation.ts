import { z } from 'zod';
import { channel, noInput } from './ipc/channel';
import { entityId, pageWindow, timestamp } from './limits';

export const views = ['client', 'partner'] as const;
export type View = (typeof views)[number];

/**
 * Why a session ended: the operator returned, closed the window, ran out of
 * time, ended it from the workspace, signed out, or another operator signed in on the desk.
 */
export const endReasons = ['return', 'closed', 'timeout-idle', 'timeout-absolute', 'ended', 'ended-all', 'signed-out', 'other-sign-in', 'app-closed', 'unreachable', 'withdrawn'] as const;
export type EndReason = (typeof endReasons)[number];

export const reasonPolicies = ['off', 'optional', 'required'] as const;

export const impersonationSettings = z.object({
  /** Off for a new workspace until enabled, as the platforms require (seed 000). */
  partnerLogin: z.boolean(),
  /** Whether opening a client asks for a reason or ticket reference. */
  reasonPolicy: z.enum(reasonPolicies),
  absoluteMinutes: z.number().int().min(5).max(12 * 60),
  idleMinutes: z.number().int().min(1).max(4 * 60),
});
export type ImpersonationSettings = z.infer<typeof impersonationSettings>;

export const openSession = z.strictObject({
  clientId: entityId,
  view: z.enum(views),
  /** Reason or ticket reference, as the workspace's policy asks. */
  reason: z.string().trim().max(500).default(''),
  /** Open another window even if this client and view are open already. */
  newWindow: z.boolean().default(false),
});

export const openSessionInfo = z.object({
  id: z.string(),
  clientId: entityId,
  clientName: z.string(),
  view: z.enum(views),
  operatorName: z.string(),
  reason: z.string().nullable(),
  readOnly: z.boolean(),
  startedAt: timestamp,
  /** When the session ends by itself: the sooner of the idle and the absolute limit. */
  endsAt: timestamp,
  endsBy: z.enum(['idle', 'absolute']),
});
export type OpenSessionInfo = z.infer<typeof openSessionInfo>;

export const sessionRef = z.strictObject({ sessionId: z.string().uuid() });

export const clientAccess = z.object({
  clientId: entityId,
  /** The client's own say: may the reseller open their account with full rights? */
  partnerAccess: z.enum(['allowed', 'refused']),
  /** Allowed until this moment (epoch ms); null for no end. */
  partnerAccessUntil: timestamp.nullable(),
});

export const accessHistoryEntry = z.object({
  id: z.string(),
  operatorName: z.string(),
  view: z.enum(views),
  reason: z.string().nullable(),
  startedAt: timestamp,
  endedAt: timestamp.nullable(),
  endReason: z.enum(endReasons).nullable(),
});

/** Whether the gates would let the operator in now, and if not, why (the words `impersonation.open` would refuse with). */
export const admission = z.discriminatedUnion('allowed', [
  z.object({
    allowed: z.literal(true),
    readOnly: z.boolean(),
    /** Partner access the client allows only until then (epoch ms). */
    until: timestamp.nullable(),
  }),
  z.object({
    allowed: z.literal(false),
    refusal: z.object({ key: z.string(), message: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }),
  }),
]);
export type Admission = z.infer<typeof admission>;

export const impersonationChannels = {
  /** The gates for both views of a client, so the UI shows what the main process decides (reasons are asked on opening). */
  'impersonation.check': channel({
    input: z.strictObject({ clientId: entityId }),
    output: z.object({ client: admission, partner: admission }),
    access: 'signedIn',
  }),
  'impersonation.open': channel({
    input: openSession,
    output: z.object({ sessionId: z.string(), focused: z.boolean() }),
    access: 'signedIn',
  }),
  /**
   * The signed-in operator's own open windows. Focus, end and extend act on
   * those only (another operator's session answers `impersonation.notOpen`, as
   * an unknown one does), and "End all" ends those; `impersonation.manage`
   * governs the workspace's settings and partner access, not others' windows.
   */
  'impersonation.list': channel({ input: noInput, output: z.array(openSessionInfo), access: 'signedIn' }),
  'impersonation.focus': channel({ input: sessionRef, output: z.null(), access: 'signedIn' }),
  'impersonation.end': channel({ input: sessionRef, output: z.null(), access: 'signedIn' }),
  'impersonation.endAll': channel({ input: noInput, output: z.object({ ended: z.number().int() }), access: 'signedIn' }),
  'impersonation.extend': channel({ input: sessionRef, output: openSessionInfo, access: 'signedIn' }),
  'impersonation.history': channel({
    input: z.strictObject({ clientId: entityId, ...pageWindow }),
    output: z.object({ total: z.number().int(), rows: z.array(accessHistoryEntry) }),
    access: 'audit.view',
  }),
  'impersonation.settings.get': channel({ input: noInput, output: impersonationSettings, access: 'signedIn' }),
  'impersonation.settings.update': channel({
    input: impersonationSettings.partial().strict(),
    output: impersonationSettings,
    access: 'impersonation.manage',
  }),
  'impersonation.access.get': channel({ input: z.strictObject({ clientId: entityId }), output: clientAccess, access: 'clients.view' }),
  'impersonation.access.update': channel({ input: clientAccess.strict(), output: clientAccess, access: 'impersonation.manage' }),
  /** The public signing keys, for external platforms to verify our login tokens. */
  'impersonation.publicKeys': channel({
    input: noInput,
    output: z.object({ jwks: z.string(), url: z.string(), issuer: z.string() }),
    access: 'signedIn',
  }),
  /**
   * The operator's own reseller account, signed in by a one-time token bound to
   * its window (no password on the portal), in memory only, within the workspace's
   * idle and time limits; it ends when the operator signs out.
   */
  'impersonation.openResellerPortal': channel({ input: noInput, output: z.null(), access: 'signedIn' }),
};

export const impersonationEvents = {
  /** The open sessions changed: opened, ended, extended. */
  'impersonation.changed': z.array(openSessionInfo),
  /** A session ends within a minute unless extended. */
  'impersonation.expiring': openSessionInfo,
};
