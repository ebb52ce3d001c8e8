import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CreditBalances, CreditKind, CreditReason } from '../../shared/credits';
import type { Actor } from '../audit/repository';
import { insertMany, listOf } from '../db/batch';
import type { Queryable } from '../db/open';
import { creditLedger } from './schema';

export function balancesOf(db: Queryable, clientId: number): CreditBalances {
  const rows = db
    .select({ kind: creditLedger.kind, balance: sql<number>`coalesce(sum(${creditLedger.amount}), 0)` })
    .from(creditLedger)
    .where(eq(creditLedger.clientId, clientId))
    .groupBy(creditLedger.kind)
    .all();
  const balances = { sms: 0, call: 0 };
  for (const row of rows) balances[row.kind] = row.balance;
  return balances;
}

/** The balances of many clients in one statement (the export); a client without entries has none. */
export function balancesOfClients(db: Queryable, clientIds: readonly number[]): Map<number, CreditBalances> {
  const rows = db
    .select({ clientId: creditLedger.clientId, kind: creditLedger.kind, balance: sql<number>`sum(${creditLedger.amount})` })
    .from(creditLedger)
    .where(inArray(creditLedger.clientId, listOf(clientIds)))
    .groupBy(creditLedger.clientId, creditLedger.kind)
    .all();
  const balances = new Map<number, CreditBalances>();
  for (const { clientId, kind, balance } of rows) {
    let of = balances.get(clientId);
    if (!of) balances.set(clientId, (of = { sms: 0, call: 0 }));
    of[kind] = balance;
  }
  return balances;
}

export interface LedgerEntry {
  clientId: number;
  kind: CreditKind;
  amount: number;
  reason: CreditReason;
  note: string;
}

/** Credits move by an operator's hand or the app's own (a generated workspace): the ledger keeps the operator's id. */
const operatorIdOf = (actor: Actor) => (actor.kind === 'operator' ? actor.id : null);

export function appendCredit(db: Queryable, entry: LedgerEntry, actor: Actor, at: number): void {
  db.insert(creditLedger)
    .values({ ...entry, operatorId: operatorIdOf(actor), actor: actor.name, at })
    .run();
}

export function appendCredits(db: Queryable, entries: readonly LedgerEntry[], actor: Actor, at: number): void {
  const operatorId = operatorIdOf(actor);
  insertMany(db, creditLedger, entries, ({ clientId, kind, amount, reason, note }) => ({ clientId, kind, amount, reason, note, operatorId, actor: actor.name, at }));
}

/** Prepared once for many entries (bulk grants). */
export function preparedCredit(db: Queryable) {
  return db
    .insert(creditLedger)
    .values({
      clientId: sql.placeholder('clientId'),
      kind: sql.placeholder('kind'),
      amount: sql.placeholder('amount'),
      reason: sql.placeholder('reason'),
      note: sql.placeholder('note'),
      operatorId: sql.placeholder('operatorId'),
      actor: sql.placeholder('actor'),
      at: sql.placeholder('at'),
    })
    .prepare();
}

export function creditHistory(db: Queryable, filter: { clientId: number; kind?: CreditKind | undefined; offset: number; limit: number }) {
  const where = and(eq(creditLedger.clientId, filter.clientId), filter.kind ? eq(creditLedger.kind, filter.kind) : undefined);
  const total = db.select({ n: count() }).from(creditLedger).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      id: creditLedger.id,
      kind: creditLedger.kind,
      amount: creditLedger.amount,
      reason: creditLedger.reason,
      note: creditLedger.note,
      actor: creditLedger.actor,
      at: creditLedger.at,
      // A window function: Drizzle has no builder for it.
      balanceAfter: sql<number>`sum(${creditLedger.amount}) OVER (PARTITION BY ${creditLedger.kind} ORDER BY ${creditLedger.id})`,
    })
    .from(creditLedger)
    .where(where)
    .orderBy(desc(creditLedger.id))
    .limit(filter.limit)
    .offset(filter.offset)
    .all();
  return { total, rows };
}
