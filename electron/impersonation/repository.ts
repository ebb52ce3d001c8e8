import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { impersonationSettings, type EndReason, type ImpersonationSettings, type View } from '../../shared/impersonation';
import type { Queryable } from '../db/open';
import { clients } from '../db/schema';
import { readMeta, writeMeta } from '../workspace/repository';
import { clientPartnerAccess, impersonationSessions } from './schema';

const SETTINGS_KEY = 'impersonation.settings';
const defaults: ImpersonationSettings = { partnerLogin: false, reasonPolicy: 'optional', absoluteMinutes: 60, idleMinutes: 15 };

/** The workspace's gates and time limits; partner login starts off. */
export function readSettings(db: Queryable): ImpersonationSettings {
  const stored = readMeta(db, SETTINGS_KEY);
  const parsed = impersonationSettings.partial().safeParse(stored ? JSON.parse(stored) : {});
  return { ...defaults, ...(parsed.success ? parsed.data : {}) };
}

export function writeSettings(db: Queryable, settings: ImpersonationSettings): void {
  writeMeta(db, SETTINGS_KEY, JSON.stringify(settings));
}

/** The client's say on partner access; no row means allowed without end. */
export function readPartnerAccess(db: Queryable, clientId: number) {
  const row = db.select().from(clientPartnerAccess).where(eq(clientPartnerAccess.clientId, clientId)).get();
  return { clientId, partnerAccess: row?.access ?? ('allowed' as const), partnerAccessUntil: row?.until ?? null };
}

export function writePartnerAccess(db: Queryable, clientId: number, access: 'allowed' | 'refused', until: number | null): void {
  db.insert(clientPartnerAccess)
    .values({ clientId, access, until })
    .onConflictDoUpdate({ target: clientPartnerAccess.clientId, set: { access, until } })
    .run();
}

export interface NewSession {
  id: string;
  clientId: number;
  operatorId: number;
  operatorName: string;
  view: View;
  reason: string | null;
  readOnly: boolean;
  startedAt: number;
  expiresAt: number;
}

export function insertSession(db: Queryable, session: NewSession): void {
  db.insert(impersonationSessions).values(session).run();
}

export function findSession(db: Queryable, id: string) {
  return db
    .select({ session: impersonationSessions, clientName: clients.companyName, clientStatus: clients.status })
    .from(impersonationSessions)
    .innerJoin(clients, eq(clients.id, impersonationSessions.clientId))
    .where(eq(impersonationSessions.id, id))
    .get();
}

export function setExpiry(db: Queryable, id: string, expiresAt: number): void {
  db.update(impersonationSessions).set({ expiresAt }).where(eq(impersonationSessions.id, id)).run();
}

export function endSession(db: Queryable, id: string, at: number, reason: EndReason): boolean {
  const result = db
    .update(impersonationSessions)
    .set({ endedAt: at, endReason: reason })
    .where(and(eq(impersonationSessions.id, id), isNull(impersonationSessions.endedAt)))
    .run();
  return result.changes === 1;
}

/** Sessions a previous run left open: their windows and memory partitions are gone. */
export function openSessionIds(db: Queryable): string[] {
  return db.select({ id: impersonationSessions.id }).from(impersonationSessions).where(isNull(impersonationSessions.endedAt)).all().map((r) => r.id);
}

export function listHistory(db: Queryable, clientId: number, offset: number, limit: number) {
  const where = eq(impersonationSessions.clientId, clientId);
  const total = db.select({ n: count() }).from(impersonationSessions).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      id: impersonationSessions.id,
      operatorName: impersonationSessions.operatorName,
      view: impersonationSessions.view,
      reason: impersonationSessions.reason,
      startedAt: impersonationSessions.startedAt,
      endedAt: impersonationSessions.endedAt,
      endReason: impersonationSessions.endReason,
    })
    .from(impersonationSessions)
    .where(where)
    .orderBy(desc(impersonationSessions.startedAt))
    .limit(limit)
    .offset(offset)
    .all();
  return { total, rows };
}
