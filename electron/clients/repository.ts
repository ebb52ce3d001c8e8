import { randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, gte, inArray, max, ne, or, sql, type SQL } from 'drizzle-orm';
import type { ClientDetail, ClientPage, ClientStatus, clientSorts, sortDirections } from '../../shared/clients';
import type { Language } from '../../shared/settings';
import { balancesOf, balancesOfClients } from '../credits/repository';
import { seatsOf } from '../client-users/repository';
import { insertMany, listOf } from '../db/batch';
import { sealedKeyIdIn, unsealed, type Sealer } from '../db/sealed';
import { assignedClientIds } from '../operators/repository';
import type { Queryable } from '../db/open';
import { clientTagUsage, clients, operatorClients } from '../db/schema';
import { enabledFeatures, enabledFeaturesOfClients, findFeature } from '../features/repository';
import { clientFeatures } from '../features/schema';
import { idInQuery, nameKey, tagPhrase, toSearchQuery } from './search';

/** Whose view a query runs in: an operator limited to assigned clients sees only those. */
export interface ClientScope {
  operatorId: number;
  allClients: boolean;
}

export interface ClientFilter {
  query: string;
  status?: ClientStatus | undefined;
  tag?: string | undefined;
  feature?: string | undefined;
  sort?: (typeof clientSorts)[number] | undefined;
  direction?: (typeof sortDirections)[number] | undefined;
}

const summary = {
  id: clients.id,
  companyName: clients.companyName,
  contactName: clients.contactName,
  contactEmail: clients.contactEmail,
  city: clients.city,
  country: clients.country,
  status: clients.status,
  tags: clients.tags,
  createdAt: clients.createdAt,
};
const toSummary = <R extends { tags: string }>(row: R) => ({ ...row, tags: JSON.parse(row.tags) as string[] });

function reachable(scope: ClientScope): SQL | undefined {
  if (scope.allClients) return undefined;
  return inArray(clients.id, assignedClientIds(scope.operatorId));
}

/** Above this many matches, walking clients in sort order beats sorting the matches (measured on 100,000). */
const WALK_SORT_ORDER_ABOVE = 5000;

/** Clients whose words start with the search words. `+id` stops SQLite from driving the query by the match list. */
function matching(match: string, walkSortOrder: boolean): SQL {
  const id = walkSortOrder ? sql`+${clients.id}` : sql`${clients.id}`;
  return sql`${id} IN (SELECT rowid FROM clients_search WHERE clients_search MATCH ${match})`;
}

/** A tag in full: the search index narrows to clients with its words, this keeps those holding exactly it. */
const holdsTag = (tag: string) => sql`EXISTS (SELECT 1 FROM json_each(${clients.tags}) WHERE value = ${tag})`;

/**
 * Clients with a feature. Its client list drives the query only when it is
 * less than half the search match; otherwise (most clients have
 * a calendar) it is a point lookup per candidate while the match, another
 * filter's index or the sort order drives. On 100,000 clients the wrong
 * choice costs up to 90 ms where the right one takes 10 to 30.
 */
function hasFeature(db: Queryable, key: string, matches: number | null) {
  // The catalogue keeps how many clients hold each feature (migration 005); without a match nothing is compared.
  const drives = matches !== null && (findFeature(db, key)?.clients ?? 0) < matches / 2;
  return (walkSortOrder: boolean) =>
    drives && !walkSortOrder
      ? inArray(clients.id, sql`(SELECT ${clientFeatures.clientId} FROM ${clientFeatures} WHERE ${clientFeatures.featureKey} = ${key})`)
      : sql`EXISTS (SELECT 1 FROM ${clientFeatures} WHERE ${clientFeatures.clientId} = ${clients.id} AND ${clientFeatures.featureKey} = ${key})`;
}

const countMatches = (db: Queryable, match: string) =>
  db.get<{ n: number }>(sql`SELECT count(*) AS n FROM clients_search WHERE clients_search MATCH ${match}`).n;

/** The parts of a filter: plain conditions, the full-text match, and an id typed as "123" (or with the match) or "#123" (alone). */
function conditions(db: Queryable, scope: ClientScope, filter: ClientFilter) {
  const number = idInQuery(filter.query);
  const words = number?.only ? null : toSearchQuery(filter.query);
  const match = [words, filter.tag ? tagPhrase(filter.tag) : null].filter(Boolean).join(' ') || null;
  const plain = and(
    reachable(scope),
    number?.only ? eq(clients.id, number.id) : undefined,
    filter.status ? eq(clients.status, filter.status) : undefined,
    filter.tag ? holdsTag(filter.tag) : undefined,
  );
  const feature = filter.feature ? hasFeature(db, filter.feature, match ? countMatches(db, match) : null) : null;
  return { plain, feature, match, id: number && !number.only ? number.id : null };
}

function where(parts: ReturnType<typeof conditions>, walkSortOrder: boolean): SQL | undefined {
  const text = parts.match ? matching(parts.match, walkSortOrder) : undefined;
  return and(parts.plain, parts.feature?.(walkSortOrder), parts.id !== null && text ? or(text, eq(clients.id, parts.id)) : text);
}

function countClients(db: Queryable, parts: ReturnType<typeof conditions>): number {
  // The search index holds exactly the clients' rowids, so without other filters it counts alone (1 ms instead of 15).
  if (parts.match && !parts.plain && !parts.feature && parts.id === null) {
    return countMatches(db, parts.match);
  }
  return db.select({ n: count() }).from(clients).where(where(parts, false)).get()?.n ?? 0;
}

function order(filter: ClientFilter): SQL[] {
  const by = filter.direction === 'desc' ? desc : asc;
  // Each sort walks one index (clients_by_name, _by_status, _by_status_desc, the table itself).
  // Ids are handed out in the order clients are created, so creation order needs no index of its own.
  if (filter.sort === 'created') return [by(clients.id)];
  // Within a status, names always run A to Z.
  if (filter.sort === 'status') return [by(clients.status), asc(clients.nameKey), asc(clients.id)];
  return [by(clients.nameKey), by(clients.id)];
}

export function listClients(db: Queryable, scope: ClientScope, filter: ClientFilter & { offset: number; limit: number }): ClientPage {
  const parts = conditions(db, scope, filter);
  const total = countClients(db, parts);
  const rows = db
    .select(summary)
    .from(clients)
    .where(where(parts, total > WALK_SORT_ORDER_ABOVE))
    .orderBy(...order(filter))
    .limit(filter.limit)
    .offset(filter.offset)
    .all()
    .map(toSummary);
  return { total, offset: filter.offset, rows };
}

/** The ids of every client a filter finds, in list order (the export of the current filter). */
export function filteredIds(db: Queryable, scope: ClientScope, filter: ClientFilter): number[] {
  return db
    .select({ id: clients.id })
    .from(clients)
    .where(where(conditions(db, scope, filter), true))
    .orderBy(...order(filter))
    .all()
    .map((r) => r.id);
}

/** Distinct tags with how many clients hold each, for the tag filter: kept counts for all clients, counted for an operator's assigned ones. */
export function tagCounts(db: Queryable, scope: ClientScope): { tag: string; clients: number }[] {
  if (scope.allClients) return db.select().from(clientTagUsage).orderBy(asc(clientTagUsage.tag)).all();
  return db.all<{ tag: string; clients: number }>(
    sql`SELECT t.value AS tag, count(*) AS clients FROM ${clients}, json_each(${clients.tags}) AS t WHERE ${reachable(scope) ?? sql`1`} GROUP BY t.value ORDER BY t.value`,
  );
}

/** The token with all but its last four characters hidden; shown from the hint kept beside the sealed token. */
export const maskToken = (hint: string) => `${'•'.repeat(8)}${hint}`;

export function findClient(db: Queryable, id: number): ClientDetail | undefined {
  const row = db.select().from(clients).where(eq(clients.id, id)).get();
  if (!row) return undefined;
  const { nameKey: _sortOnly, ssoToken: _sealed, ssoTokenHint, portalSlug: _portalOnly, tags, ...details } = row;
  return {
    ...details,
    tags: JSON.parse(tags) as string[],
    usersUsed: seatsOf(db, id).usersUsed,
    credits: balancesOf(db, id),
    features: enabledFeatures(db, id),
    ssoTokenMasked: maskToken(ssoTokenHint),
  };
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
  /** Active unless given. */
  status?: ClientStatus;
  tags?: string[];
  notes?: string;
  portalSsoUrl?: string | null;
  seatLimit?: number;
  /** Why a client created suspended (the demo's) is. */
  suspensionReason?: string | null;
}

/** Random bytes drawn 40 KB at a time: one system call per thousand new clients when importing. */
let entropy = Buffer.alloc(0);
let used = 0;
function randomHex(bytes: number): string {
  if (used + bytes > entropy.length) {
    entropy = randomBytes(40 * 1024);
    used = 0;
  }
  used += bytes;
  return entropy.toString('hex', used - bytes, used);
}
export const newSsoToken = () => randomHex(24);
/**
 * The address of the client's portal sign-in page: 128 random bits, so it
 * cannot be guessed, behind the client's id in hex, so new slugs sort after
 * the old ones and the unique index takes them at its end. Random slugs cost
 * 9 µs a client in that index (+45 % on adding 100,000 clients), ordered ones
 * nothing measurable. The id alone opens nothing.
 */
const newPortalSlug = (id: number) => id.toString(16).padStart(8, '0') + randomHex(16);
/** The form a portal slug has; anything else names no client. */
export const isPortalSlug = (value: string) => /^[0-9a-f]{40,46}$/.test(value);

/** What a client's SSO token is sealed for: a sealed token moved to another client does not open. */
const ssoTokenContext = (clientId: number) => `clients.sso_token:${clientId}`;

/** A token as stored: sealed, and its last four characters for the masked form. */
const storedSsoToken = (sealer: Sealer, clientId: number, token: string) => ({
  ssoToken: sealer.seal(token, ssoTokenContext(clientId)),
  ssoTokenHint: token.slice(-4),
});

/**
 * The stored row of a new client; the SSO token is fresh, random and sealed.
 * Field by field rather than spread: an import builds 100,000 of these, and
 * copying through a spread took 7 µs a row.
 */
export function clientRow(sealer: Sealer, client: NewClient, id: number, at: number) {
  const token = storedSsoToken(sealer, id, newSsoToken());
  return {
    id,
    companyName: client.companyName,
    nameKey: nameKey(client.companyName),
    contactName: client.contactName,
    contactEmail: client.contactEmail,
    contactPhone: client.contactPhone,
    street: client.street,
    postalCode: client.postalCode,
    city: client.city,
    country: client.country,
    language: client.language,
    timeZone: client.timeZone,
    status: client.status ?? 'active',
    tags: JSON.stringify(client.tags ?? []),
    notes: client.notes ?? '',
    portalSsoUrl: client.portalSsoUrl ?? null,
    seatLimit: client.seatLimit ?? 1,
    suspensionReason: client.status === 'suspended' ? (client.suspensionReason ?? null) : null,
    ssoToken: token.ssoToken,
    ssoTokenHint: token.ssoTokenHint,
    portalSlug: newPortalSlug(id),
    createdAt: at,
    updatedAt: at,
  };
}

/** From this many new clients on, the search index is written without merging its segments as it goes (below). */
const UNMERGED_FROM = 1000;
/** FTS5's default: merge once four segments of a size exist. */
const AUTOMERGE_DEFAULT = 4;
/** Written into the statement: FTS5 takes the value only as an integer, and a bound JavaScript number arrives as a real. */
const setAutomerge = (db: Queryable, segments: 0 | typeof AUTOMERGE_DEFAULT) =>
  db.run(sql`INSERT INTO clients_search(clients_search, rank) VALUES ('automerge', ${sql.raw(String(segments))})`);

/**
 * Adds `count` new clients (id ≥ `fromId`) to the search index and the tag
 * counts, one statement each for all of them; see migrations 002 and 007 for
 * why not triggers. A large batch (an import) leaves merging the index's new
 * segments to later writes: merging while inserting 100,000 clients took a
 * third of the index's time (200 of 620 ms), and searches took as long
 * before the merge as after.
 */
function indexNewClients(db: Queryable, fromId: number, count: number): void {
  const unmerged = count >= UNMERGED_FROM;
  if (unmerged) setAutomerge(db, 0);
  db.run(
    sql`INSERT INTO clients_search(rowid, company_name, contact_name, contact_email, tags)
        SELECT ${clients.id}, ${clients.companyName}, ${clients.contactName}, ${clients.contactEmail}, ${clients.tags} FROM ${clients} WHERE ${gte(clients.id, fromId)}`,
  );
  if (unmerged) setAutomerge(db, AUTOMERGE_DEFAULT);
  db.run(
    sql`INSERT INTO ${clientTagUsage} (tag, clients)
        SELECT t.value, count(*) FROM ${clients}, json_each(${clients.tags}) AS t WHERE ${gte(clients.id, fromId)} GROUP BY t.value
        ON CONFLICT (tag) DO UPDATE SET clients = clients + excluded.clients`,
  );
}

export function insertClients(db: Queryable, sealer: Sealer, list: readonly NewClient[], at: number): number[] {
  // Inside the write transaction (immediate), nobody else can take these ids.
  const first = (db.select({ last: max(clients.id) }).from(clients).get()?.last ?? 0) + 1;
  insertMany(db, clients, list, (client, i) => clientRow(sealer, client, first + i, at));
  if (list.length) indexNewClients(db, first, list.length);
  return list.map((_, i) => first + i);
}

export function insertClient(db: Queryable, sealer: Sealer, client: NewClient, at: number): number {
  return insertClients(db, sealer, [client], at)[0]!;
}

export type ClientPatch = Partial<Omit<ReturnType<typeof clientRow>, 'id' | 'createdAt' | 'ssoToken' | 'ssoTokenHint' | 'portalSlug'>> & { tags?: string };

export function updateClientRow(db: Queryable, id: number, patch: ClientPatch, at: number): void {
  db.update(clients)
    .set({ ...patch, ...(patch.companyName !== undefined && { nameKey: nameKey(patch.companyName) }), updatedAt: at })
    .where(eq(clients.id, id))
    .run();
}

/** Another client that is not archived and uses this contact e-mail. */
export function liveClientWithEmail(db: Queryable, email: string, exceptId?: number) {
  return db
    .select({ id: clients.id, companyName: clients.companyName })
    .from(clients)
    .where(and(eq(clients.contactEmail, email), ne(clients.status, 'archived'), exceptId !== undefined ? ne(clients.id, exceptId) : undefined))
    .get();
}

/** Another client that is not archived with the same company name (case and accents folded). */
export function liveClientWithName(db: Queryable, companyName: string, exceptId?: number) {
  return db
    .select({ id: clients.id, companyName: clients.companyName })
    .from(clients)
    .where(and(eq(clients.nameKey, nameKey(companyName)), ne(clients.status, 'archived'), exceptId !== undefined ? ne(clients.id, exceptId) : undefined))
    .get();
}

/** Which of these contact e-mails clients that are not archived use: a whole import checked in one indexed query. */
export function liveEmails(db: Queryable, emails: readonly string[]): Map<string, { id: number; companyName: string }> {
  const rows = db
    .select({ id: clients.id, companyName: clients.companyName, email: clients.contactEmail })
    .from(clients)
    .where(and(inArray(clients.contactEmail, listOf(emails)), ne(clients.status, 'archived')))
    .all();
  return new Map(rows.map((r) => [r.email, { id: r.id, companyName: r.companyName }]));
}

/** Which of these company names (as sort keys) clients that are not archived have. */
export function liveNameKeys(db: Queryable, keys: readonly string[]): Map<string, number> {
  const rows = db
    .select({ id: clients.id, nameKey: clients.nameKey })
    .from(clients)
    .where(and(inArray(clients.nameKey, listOf(keys)), ne(clients.status, 'archived')))
    .all();
  return new Map(rows.map((r) => [r.nameKey, r.id]));
}

/** The client whose portal sign-in page this slug addresses. */
export function findClientBySlug(db: Queryable, slug: string) {
  if (!isPortalSlug(slug)) return undefined;
  return db
    .select({ id: clients.id, companyName: clients.companyName, language: clients.language, status: clients.status, portalSlug: clients.portalSlug })
    .from(clients)
    .where(eq(clients.portalSlug, slug))
    .get();
}

/** Where the client's users sign in to the built-in portal. */
export function portalSlugOf(db: Queryable, id: number): string | undefined {
  return db.select({ slug: clients.portalSlug }).from(clients).where(eq(clients.id, id)).get()?.slug;
}

/** The client's SSO token; null if it cannot be opened here (sealed on another computer), undefined for no such client. */
export function ssoTokenOf(db: Queryable, sealer: Sealer, id: number): string | null | undefined {
  const sealed = db.select({ token: clients.ssoToken }).from(clients).where(eq(clients.id, id)).get()?.token;
  return sealed === undefined ? undefined : sealer.open(sealed, ssoTokenContext(id));
}

/** Replaces the client's SSO token; answers its masked form. */
export function setSsoToken(db: Queryable, sealer: Sealer, id: number, token: string, at: number): string {
  const stored = storedSsoToken(sealer, id, token);
  db.update(clients).set({ ...stored, updatedAt: at }).where(eq(clients.id, id)).run();
  return maskToken(stored.ssoTokenHint);
}

/** Seals the tokens stored in clear before migration 013, one prepared update each. */
export function sealStoredSsoTokens(db: Queryable, sealer: Sealer): number {
  const plain = db.select({ id: clients.id, token: clients.ssoToken }).from(clients).where(unsealed(clients.ssoToken)).all();
  const update = db
    .update(clients)
    .set({ ssoToken: sql`${sql.placeholder('sealed')}` })
    .where(eq(clients.id, sql.placeholder('id')))
    .prepare();
  for (const { id, token } of plain) update.run({ id, sealed: sealer.seal(token, ssoTokenContext(id)) });
  return plain.length;
}

/** How many SSO tokens each data key sealed: those of keys this computer lacks cannot be shown. */
export function ssoTokensByKey(db: Queryable): { keyId: string; tokens: number }[] {
  const keyId = sealedKeyIdIn(clients.ssoToken);
  return db.select({ keyId, tokens: count() }).from(clients).groupBy(keyId).all();
}

/** Current state of a selection, for bulk changes: one statement for up to 10,000 ids. */
export function selectionState(db: Queryable, ids: readonly number[]) {
  return db
    .select({ id: clients.id, status: clients.status, tags: clients.tags, suspensionReason: clients.suspensionReason })
    .from(clients)
    .where(inArray(clients.id, listOf(ids)))
    .all();
}

/** Prepared once per bulk call. */
export function preparedClientUpdates(db: Queryable) {
  const id = sql.placeholder('id');
  // Update sets take SQL, not bare placeholders.
  const at = sql`${sql.placeholder('at')}`;
  return {
    status: db
      .update(clients)
      .set({ status: sql`${sql.placeholder('status')}`, suspensionReason: sql`${sql.placeholder('reason')}`, updatedAt: at })
      .where(eq(clients.id, id))
      .prepare(),
    tags: db
      .update(clients)
      .set({ tags: sql`${sql.placeholder('tags')}`, updatedAt: at })
      .where(eq(clients.id, id))
      .prepare(),
  };
}

/**
 * Everything the CSV export writes about the given clients, in the order of
 * `ids`. Balances and features come from their own grouped queries, not from
 * subqueries in the select list: Drizzle writes the columns of a one-table
 * select without their table, so an outer `id` inside a subquery on the
 * ledger meant the ledger's own id (every client got the same figures).
 */
export function exportRows(db: Queryable, ids: readonly number[]) {
  const balances = balancesOfClients(db, ids);
  const enabled = enabledFeaturesOfClients(db, ids);
  const rows = db
    .select()
    .from(clients)
    .where(inArray(clients.id, listOf(ids)))
    .all()
    .map((row) => {
      const { sms, call } = balances.get(row.id) ?? { sms: 0, call: 0 };
      return { ...row, features: enabled.get(row.id) ?? [], smsCredits: sms, callCredits: call };
    });
  const position = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
}

/** Ids of the selection the operator may not reach (assigned clients only). */
export function unreachableIds(db: Queryable, scope: ClientScope, ids: readonly number[]): number[] {
  if (scope.allClients) return [];
  return db
    .all<{ id: number }>(
      sql`SELECT value AS id FROM json_each(${JSON.stringify(ids)}) WHERE value NOT IN ${assignedClientIds(scope.operatorId)}`,
    )
    .map((r) => r.id);
}
