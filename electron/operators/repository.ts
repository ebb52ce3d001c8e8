import { count, eq, sql } from 'drizzle-orm';
import { permissionKeys, type Permission } from '../../shared/permissions';
import type { SignedInOperator } from '../app/context';
import type { Queryable } from '../db/open';
import { operatorClients, operators, rolePermissions, roles, signInFailures } from '../db/schema';

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

export function signInFailuresOf(db: Queryable, email: string) {
  return db.select().from(signInFailures).where(eq(signInFailures.email, email)).get();
}

/** Counts one more failure and returns the new count (read and written in the caller's transaction). */
export function addSignInFailure(db: Queryable, email: string, retryAt: (failures: number) => number): number {
  const failures = (signInFailuresOf(db, email)?.failures ?? 0) + 1;
  db.insert(signInFailures)
    .values({ email, failures, retryAt: retryAt(failures) })
    .onConflictDoUpdate({ target: signInFailures.email, set: { failures, retryAt: sql`excluded.retry_at` } })
    .run();
  return failures;
}

export function clearSignInFailures(db: Queryable, email: string): void {
  db.delete(signInFailures).where(eq(signInFailures.email, email)).run();
}

/** The clients assigned to an operator limited to their accessible accounts, as a subquery. */
export const assignedClientIds = (operatorId: number) =>
  sql`(SELECT ${operatorClients.clientId} FROM ${operatorClients} WHERE ${operatorClients.operatorId} = ${operatorId})`;
