import { and, count, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { ClientDetail, ClientPage, ClientStatus } from '../../shared/clients';
import type { Language } from '../../shared/settings';
import type { Queryable } from '../db/open';
import { clients, operatorClients } from '../db/schema';
import { nameKey, toSearchQuery } from './search';

/** Whose view a query runs in: an operator limited to assigned clients sees only those. */
export interface ClientScope {
  operatorId: number;
  allClients: boolean;
}

const summary = {
  id: clients.id,
  companyName: clients.companyName,
  contactName: clients.contactName,
  contactEmail: clients.contactEmail,
  city: clients.city,
  country: clients.country,
  status: clients.status,
};

const { nameKey: _sortOnly, ...detail } = getTableColumns(clients);

function reachable(scope: ClientScope): SQL | undefined {
  if (scope.allClients) return undefined;
  return inArray(
    clients.id,
    sql`(SELECT ${operatorClients.clientId} FROM ${operatorClients} WHERE ${operatorClients.operatorId} = ${scope.operatorId})`,
  );
}

/** Above this many matches, walking clients in name order beats sorting the matches (measured on 100,000). */
const WALK_NAME_ORDER_ABOVE = 5000;

/** Clients whose words start with the search words. `+id` stops SQLite from driving the query by the match list. */
function matching(match: string, walkNameOrder: boolean): SQL {
  const id = walkNameOrder ? sql`+${clients.id}` : sql`${clients.id}`;
  return sql`${id} IN (SELECT rowid FROM clients_search WHERE clients_search MATCH ${match})`;
}

function countClients(db: Queryable, filters: SQL | undefined, match: string | null): number {
  // The search index holds exactly the clients' rowids, so without other filters it counts alone (1 ms instead of 15).
  if (match && !filters) {
    return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM clients_search WHERE clients_search MATCH ${match}`).n;
  }
  return db.select({ n: count() }).from(clients).where(and(filters, match ? matching(match, false) : undefined)).get()?.n ?? 0;
}

export function listClients(
  db: Queryable,
  scope: ClientScope,
  filter: { query: string; status?: ClientStatus | undefined; offset: number; limit: number },
): ClientPage {
  const match = toSearchQuery(filter.query);
  const filters = and(reachable(scope), filter.status ? eq(clients.status, filter.status) : undefined);
  const total = countClients(db, filters, match);
  const rows = db
    .select(summary)
    .from(clients)
    .where(and(filters, match ? matching(match, total > WALK_NAME_ORDER_ABOVE) : undefined))
    .orderBy(clients.nameKey, clients.id)
    .limit(filter.limit)
    .offset(filter.offset)
    .all();
  return { total, offset: filter.offset, rows };
}

export function findClient(db: Queryable, id: number): ClientDetail | undefined {
  return db.select(detail).from(clients).where(eq(clients.id, id)).get();
}

export function isReachable(db: Queryable, scope: ClientScope, id: number): boolean {
  if (scope.allClients) return true;
  return !!db
    .select({ id: operatorClients.clientId })
    .from(operatorClients)
    .where(and(eq(operatorClients.operatorId, scope.operatorId), eq(operatorClients.clientId, id)))
    .get();
}

export interface NewClient {
  companyName: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  language: Language;
  timeZone: string;
  status: ClientStatus;
}

export function insertClient(db: Queryable, client: NewClient, at: number): number {
  return db
    .insert(clients)
    .values({ ...client, nameKey: nameKey(client.companyName), createdAt: at, updatedAt: at })
    .returning({ id: clients.id })
    .get().id;
}
