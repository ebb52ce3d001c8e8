import { and, count, desc, eq, inArray, or } from 'drizzle-orm';
import type { AuditEntry, AuditValues } from '../../shared/audit';
import type { AuditInput } from '../app/context';
import type { Queryable } from '../db/open';
import { insertMany } from '../db/batch';
import { auditLog } from '../db/schema';
import { assignedClientIds } from '../operators/repository';

/**
 * Who acted, told apart: an operator, a client user (on the portal), the app
 * itself (the built-in portal, first start, generators) or an anonymous caller
 * (a sign-in for an account that does not exist). Only the first two have an
 * id, each in its own table: a client user's id is never read as an operator's.
 * `name` is what the audit shows, as it was at the time.
 */
export type Actor =
  | { kind: 'operator' | 'client_user'; id: number; name: string }
  | { kind: 'system' | 'anonymous'; name: string };

export const operatorActor = (operator: { id: number; displayName: string }): Actor => ({ kind: 'operator', id: operator.id, name: operator.displayName });

/** A client user as the audit names them: "Ada Lovelace <ada@example.com>". */
export const clientUserActor = (user: { id: number; name: string; email: string }): Actor => ({ kind: 'client_user', id: user.id, name: `${user.name} <${user.email}>` });

/**
 * Appends entries, many rows per statement: bulk changes and imports write
 * one entry per client, up to 100,000 in one transaction. An entry's own actor
 * stands in for `actor`. The table's triggers refuse any update or delete.
 */
export function appendAudit(db: Queryable, entries: readonly AuditInput[], at: number, actor: Actor): void {
  insertMany(db, auditLog, entries, (entry) => {
    const who = entry.actor ?? actor;
    return {
      at,
      actorKind: who.kind,
      actorId: 'id' in who ? who.id : null,
      actor: who.name,
      action: entry.action,
      clientId: entry.clientId ?? null,
      summary: entry.summary,
      beforeJson: entry.before ? JSON.stringify(entry.before) : null,
      afterJson: entry.after ? JSON.stringify(entry.after) : null,
    };
  });
}

/**
 * The trail, newest first: of one client, or of the whole workspace. An
 * operator limited to some clients sees entries about those clients and their
 * own actions — as an operator: a client user with the same id is someone else.
 */
export function listAudit(
  db: Queryable,
  filter: { clientId?: number | undefined; offset: number; limit: number; limitedTo?: number | undefined },
): { total: number; rows: AuditEntry[] } {
  const where = and(
    filter.clientId !== undefined ? eq(auditLog.clientId, filter.clientId) : undefined,
    filter.limitedTo !== undefined
      ? or(
          and(eq(auditLog.actorKind, 'operator'), eq(auditLog.actorId, filter.limitedTo)),
          inArray(auditLog.clientId, assignedClientIds(filter.limitedTo)),
        )
      : undefined,
  );
  const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const rows = db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit)
    .offset(filter.offset)
    .all()
    .map(({ beforeJson, afterJson, actorId: _id, ...row }) => ({
      ...row,
      before: parseValues(beforeJson),
      after: parseValues(afterJson),
    }));
  return { total, rows };
}

function parseValues(json: string | null): AuditValues | null {
  return json === null ? null : (JSON.parse(json) as AuditValues);
}
