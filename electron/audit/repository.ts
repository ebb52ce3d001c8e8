import { and, count, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { AuditEntry, AuditValues } from '../../shared/audit';
import type { AuditInput } from '../app/context';
import type { Queryable } from '../db/open';
import { auditLog, operatorClients } from '../db/schema';

/** Appends one entry; the table's triggers refuse any update or delete. */
export function appendAudit(db: Queryable, entry: AuditInput & { at: number; actor: { id: number | null; name: string } }): void {
  db.insert(auditLog)
    .values({
      at: entry.at,
      operatorId: entry.actor.id,
      actor: entry.actor.name,
      action: entry.action,
      clientId: entry.clientId ?? null,
      summary: entry.summary,
      beforeJson: entry.before ? JSON.stringify(entry.before) : null,
      afterJson: entry.after ? JSON.stringify(entry.after) : null,
    })
    .run();
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
          inArray(
            auditLog.clientId,
            sql`(SELECT ${operatorClients.clientId} FROM ${operatorClients} WHERE ${operatorClients.operatorId} = ${filter.limitedTo})`,
          ),
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
