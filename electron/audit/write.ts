import type { AuditInput, RecordAudit } from '../app/context';
import type { Queryable, WorkspaceDb } from '../db/open';
import { appendAudit } from './repository';

export type Actor = { id: number | null; name: string };

/**
 * Runs `fn` in one immediate transaction and appends its audit entries inside
 * it. A write that records nothing is a programming error and rolls back:
 * every change to a workspace leaves a trace.
 */
export function writeWithAudit<T>(
  db: WorkspaceDb,
  actor: Actor,
  now: number,
  fn: (tx: Queryable, audit: RecordAudit) => T,
): T {
  return db.transaction(
    (tx) => {
      let recorded = 0;
      const result = fn(tx, (entry: AuditInput) => {
        recorded++;
        appendAudit(tx, { ...entry, at: now, actor: entry.actor ?? actor });
      });
      if (result instanceof Promise) throw new Error('a workspace write must be synchronous');
      if (recorded === 0) throw new Error('a workspace write must record an audit entry');
      return result;
    },
    { behavior: 'immediate' },
  );
}
