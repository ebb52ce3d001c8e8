import { and, count, eq, gt, sql } from 'drizzle-orm';
import { permissionKeys, type Permission } from '../../shared/permissions';
import type { SignedInOperator } from '../app/context';
import type { Queryable } from '../db/open';
import { operatorClients, operators, rolePermissions, roles } from '../db/schema';
import { signInThrottle, type ThrottleKind } from './schema';

export function countOperators(db: Queryable): number {
  return db.select({ n: count() }).from(operators).get()?.n ?? 0;
}

export function findOperatorByEmail(db: Queryable, email: string) {
  return db
    .select({ id: operators.id, passwordHash: operators.passwordHash, displayName: operators.displayName })
    .from(operators)
    .where(eq(operators.email, email))
    .get();
}

/** The operator with the rights of their role as it is now (roles can change between calls). */
export function loadSignedInOperator(db: Queryable, id: number): SignedInOperator | null {
  const row = db
    .select({
      id: operators.id,
      email: operators.email,
      displayName: operators.displayName,
      allClients: operators.allClients,
      roleId: roles.id,
      role: roles.name,
      allPermissions: roles.allPermissions,
    })
    .from(operators)
    .innerJoin(roles, eq(roles.id, operators.roleId))
    .where(eq(operators.id, id))
    .get();
  if (!row) return null;
  const granted = row.allPermissions
    ? permissionKeys
    : db
        .select({ permission: rolePermissions.permission })
        .from(rolePermissions)
        .where(eq(rolePermissions.roleId, row.roleId))
        .all()
        .map((r) => r.permission)
        .filter((p): p is Permission => (permissionKeys as readonly string[]).includes(p));
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    allClients: row.allClients,
    permissions: new Set(granted),
  };
}

export function administratorRoleId(db: Queryable): number {
  const row = db.select({ id: roles.id }).from(roles).where(eq(roles.builtin, true)).get();
  if (!row) throw new Error('the built-in Administrator role is missing');
  return row.id;
}

export function insertOperator(
  db: Queryable,
  values: { email: string; displayName: string; passwordHash: string; roleId: number; createdAt: number },
): number {
  return db
    .insert(operators)
    .values({ ...values, allClients: true })
    .returning({ id: operators.id })
    .get().id;
}

export function recordSignIn(db: Queryable, id: number, at: number): void {
  db.update(operators).set({ lastSignInAt: at }).where(eq(operators.id, id)).run();
}

/**
 * Counts one more attempt on a throttle row, if its wait is over: the new
 * count, or null while it waits. The conditional upsert decides, so parallel
 * attempts (other processes too) cannot all pass between a read and a write.
 * A count whose last wait ended before `forgetBefore` starts again at one.
 * The caller sets the row's wait in the same transaction.
 */
export function reserveSignInAttempt(db: Queryable, kind: ThrottleKind, key: string, now: number, forgetBefore: number): number | null {
  const row = db
    .insert(signInThrottle)
    .values({ kind, key, failures: 1, retryAt: now })
    .onConflictDoUpdate({
      target: [signInThrottle.kind, signInThrottle.key],
      set: { failures: sql`CASE WHEN ${signInThrottle.retryAt} <= ${forgetBefore} THEN 1 ELSE ${signInThrottle.failures} + 1 END`, retryAt: now },
      setWhere: sql`${signInThrottle.retryAt} <= ${now}`,
    })
    .returning({ failures: signInThrottle.failures })
    .get();
  return row?.failures ?? null;
}

export function setSignInRetryAt(db: Queryable, kind: ThrottleKind, key: string, retryAt: number): void {
  db.update(signInThrottle)
    .set({ retryAt })
    .where(and(eq(signInThrottle.kind, kind), eq(signInThrottle.key, key)))
    .run();
}

export function signInThrottleOf(db: Queryable, kind: ThrottleKind, key: string) {
  return db
    .select({ failures: signInThrottle.failures, retryAt: signInThrottle.retryAt })
    .from(signInThrottle)
    .where(and(eq(signInThrottle.kind, kind), eq(signInThrottle.key, key)))
    .get();
}

export function clearSignInThrottle(db: Queryable, kind: ThrottleKind, key: string): void {
  db.delete(signInThrottle)
    .where(and(eq(signInThrottle.kind, kind), eq(signInThrottle.key, key)))
    .run();
}

/** Takes back one reserved attempt; its wait ends no later than `retryAt(count left)`. */
export function giveBackSignInAttempt(db: Queryable, kind: ThrottleKind, key: string, retryAt: (failures: number) => number): void {
  const row = db
    .update(signInThrottle)
    .set({ failures: sql`${signInThrottle.failures} - 1` })
    .where(and(eq(signInThrottle.kind, kind), eq(signInThrottle.key, key), gt(signInThrottle.failures, 0)))
    .returning({ failures: signInThrottle.failures })
    .get();
  if (!row) return;
  const until = retryAt(row.failures);
  db.update(signInThrottle)
    .set({ retryAt: sql`CASE WHEN ${signInThrottle.retryAt} > ${until} THEN ${until} ELSE ${signInThrottle.retryAt} END` })
    .where(and(eq(signInThrottle.kind, kind), eq(signInThrottle.key, key)))
    .run();
}

/** The clients assigned to an operator limited to their accessible accounts, as a subquery. */
export const assignedClientIds = (operatorId: number) =>
  sql`(SELECT ${operatorClients.clientId} FROM ${operatorClients} WHERE ${operatorClients.operatorId} = ${operatorId})`;
