import { and, count, desc, eq, inArray, or } from 'drizzle-orm';
import type { AuditEntry, AuditValues } from '../../shared/audit';
import type { AuditInput } from '../app/context';
import type { Actor } from './write';
import type { Queryable } from '../db/open';
import { insertMany } from '../db/batch';
import { auditLog } from '../db/schema';
import { assignedClientIds } from '../operators/repository';


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
      operatorId: who.id,
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
 * operator limited to some clients sees entries about those clients and their own actions.
 */
export function listAudit(
  db: Queryable,
  filter: { clientId?: number | undefined; offset: number; limit: number; limitedTo?: number | undefined },
): { total: number; rows: AuditEntry[] } {
  const where = and(
    filter.clientId !== undefined ? eq(auditLog.clientId, filter.clientId) : undefined,
    filter.limitedTo !== undefined
      ? or(
          eq(auditLog.operatorId, filter.limitedTo),
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
    .map(({ beforeJson, afterJson, operatorId: _id, ...row }) => ({
      ...row,
      before: parseValues(beforeJson),
      after: parseValues(afterJson),
    }));
  return { total, rows };
}

function parseValues(json: string | null): AuditValues | null {
  return json === null ? null : (JSON.parse(json) as AuditValues);
}
