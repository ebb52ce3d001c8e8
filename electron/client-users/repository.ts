import { and, asc, count, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { ClientUser } from '../../shared/client-users';
import type { Queryable } from '../db/open';
import { clients } from '../db/schema';
import { clientInvitations, clientUsers } from './schema';

export function listClientUsers(db: Queryable, clientId: number): ClientUser[] {
  return db
    .select({
      id: clientUsers.id,
      clientId: clientUsers.clientId,
      displayName: clientUsers.displayName,
      email: clientUsers.email,
      role: clientUsers.role,
      status: clientUsers.status,
      createdAt: clientUsers.createdAt,
      invitationExpiresAt: sql<number | null>`max(${clientInvitations.expiresAt})`,
    })
    .from(clientUsers)
    .leftJoin(clientInvitations, and(eq(clientInvitations.clientUserId, clientUsers.id), isNull(clientInvitations.acceptedAt)))
    .where(eq(clientUsers.clientId, clientId))
    .groupBy(clientUsers.id)
    .orderBy(asc(clientUsers.id))
    .all();
}

export function seatsOf(db: Queryable, clientId: number): { seatLimit: number; usersUsed: number } {
  const row = db
    .select({ seatLimit: clients.seatLimit })
    .from(clients)
    .where(eq(clients.id, clientId))
    .get();
  const used = db
    .select({ n: count() })
    .from(clientUsers)
    .where(and(eq(clientUsers.clientId, clientId), ne(clientUsers.status, 'disabled')))
    .get();
  return { seatLimit: row?.seatLimit ?? 0, usersUsed: used?.n ?? 0 };
}

export function setSeatLimit(db: Queryable, clientId: number, seatLimit: number, at: number): void {
  db.update(clients).set({ seatLimit, updatedAt: at }).where(eq(clients.id, clientId)).run();
}

export function findClientUserByEmail(db: Queryable, clientId: number, email: string) {
  return db
    .select({ id: clientUsers.id })
    .from(clientUsers)
    .where(and(eq(clientUsers.clientId, clientId), eq(clientUsers.email, email)))
    .get();
}

export function insertClientUser(
  db: Queryable,
  user: { clientId: number; displayName: string; email: string; role: ClientUser['role'] },
  at: number,
): number {
  return db
    .insert(clientUsers)
    .values({ ...user, status: 'invited', createdAt: at })
    .returning({ id: clientUsers.id })
    .get().id;
}

export function insertInvitation(db: Queryable, invitation: { clientUserId: number; tokenHash: string; createdAt: number; expiresAt: number }): void {
  db.insert(clientInvitations).values(invitation).run();
}

/** An open invitation by the hash of its token, with whom it is for. */
export function findInvitation(db: Queryable, tokenHash: string) {
  return db
    .select({
      id: clientInvitations.id,
      expiresAt: clientInvitations.expiresAt,
      acceptedAt: clientInvitations.acceptedAt,
      clientUserId: clientUsers.id,
      clientId: clientUsers.clientId,
      displayName: clientUsers.displayName,
      email: clientUsers.email,
      status: clientUsers.status,
      companyName: clients.companyName,
      language: clients.language,
      portalSlug: clients.portalSlug,
    })
    .from(clientInvitations)
    .innerJoin(clientUsers, eq(clientUsers.id, clientInvitations.clientUserId))
    .innerJoin(clients, eq(clients.id, clientUsers.clientId))
    .where(eq(clientInvitations.tokenHash, tokenHash))
    .get();
}

/**
 * Uses the invitation if it is still open at `at`, and the user then has their
 * password and is active. Of acceptances that race, only the one whose update
 * takes the row wins; the others get false and change nothing.
 */
export function acceptInvitation(db: Queryable, invitationId: number, clientUserId: number, passwordHash: string, at: number): boolean {
  const taken = db
    .update(clientInvitations)
    .set({ acceptedAt: at })
    .where(and(eq(clientInvitations.id, invitationId), isNull(clientInvitations.acceptedAt), gt(clientInvitations.expiresAt, at)))
    .run();
  if (taken.changes !== 1) return false;
  db.update(clientUsers).set({ passwordHash, status: 'active' }).where(eq(clientUsers.id, clientUserId)).run();
  return true;
}

/** A client user who can sign in: active, with a password. */
export function findSignInAccount(db: Queryable, clientId: number, email: string) {
  return db
    .select({ id: clientUsers.id, name: clientUsers.displayName, passwordHash: clientUsers.passwordHash })
    .from(clientUsers)
    .where(and(eq(clientUsers.clientId, clientId), eq(clientUsers.email, email), eq(clientUsers.status, 'active')))
    .get();
}

export function findClientUser(db: Queryable, id: number) {
  return db.select({ id: clientUsers.id, clientId: clientUsers.clientId, name: clientUsers.displayName, status: clientUsers.status }).from(clientUsers).where(eq(clientUsers.id, id)).get();
}
