import { and, asc, count, eq, isNull, ne, sql } from 'drizzle-orm';
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
