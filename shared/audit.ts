import { z } from 'zod';
import { channel } from './ipc/channel';
import { entityId, pageWindow, timestamp } from './limits';

export const auditValues = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type AuditValues = z.infer<typeof auditValues>;

/** Who can act: the reseller's operators, client users (on the portal), the app itself (the built-in portal, first start) and anonymous callers. */
export const actorKinds = ['operator', 'client_user', 'system', 'anonymous'] as const;
export type ActorKind = (typeof actorKinds)[number];

export const auditEntry = z.object({
  id: entityId,
  at: timestamp,
  actorKind: z.enum(actorKinds),
  /** Who did it, as named at the time (operators can be renamed or removed later). */
  actor: z.string(),
  action: z.string(),
  clientId: entityId.nullable(),
  summary: z.string(),
  /** The changed fields as they were before and after (absent for pure events). */
  before: auditValues.nullable(),
  after: auditValues.nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const listAudit = z.strictObject({
  clientId: entityId.optional(),
  ...pageWindow,
});

export const auditPage = z.object({
  total: z.number().int().nonnegative(),
  rows: z.array(auditEntry),
});

export const auditChannels = {
  'audit.list': channel({ input: listAudit, output: auditPage, access: 'audit.view' }),
};
