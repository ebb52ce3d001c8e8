import type { AuditInput, RecordAudit } from '../app/context';
import type { Queryable, WorkspaceDb } from '../db/open';
import { appendAudit, type Actor } from './repository';

const AUDIT_SLICE = 4000;

/**
 * Runs `fn` in one immediate transaction and appends its audit entries inside
 * it, gathered into multi-row inserts. A write that records nothing is a
 * programming error and rolls back: every change to a workspace leaves a trace.
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
      const pending: AuditInput[] = [];
      const result = fn(tx, (entry: AuditInput) => {
        recorded++;
        pending.push(entry);
        // Written in slices, so a 100,000-client import does not hold every entry at once.
        if (pending.length === AUDIT_SLICE) appendAudit(tx, pending.splice(0), now, actor);
      });
      if (result instanceof Promise) throw new Error('a workspace write must be synchronous');
      if (recorded === 0) throw new Error('a workspace write must record an audit entry');
      appendAudit(tx, pending, now, actor);
      return result;
    },
    { behavior: 'immediate' },
  );
}
