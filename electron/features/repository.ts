import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { CatalogueFeature } from '../../shared/features';
import { insertMany, listOf } from '../db/batch';
import type { Queryable } from '../db/open';
import { clientFeatures, features } from './schema';

export function listCatalogue(db: Queryable): CatalogueFeature[] {
  return db
    .select({ key: features.key, inPlan: features.inPlan, hidden: features.hidden, clients: features.clients })
    .from(features)
    .orderBy(asc(features.position))
    .all();
}

export function findFeature(db: Queryable, key: string) {
  return db.select().from(features).where(eq(features.key, key)).get();
}

export function updateFeature(db: Queryable, key: string, patch: { inPlan?: boolean | undefined; hidden?: boolean | undefined }): void {
  db.update(features).set(patch).where(eq(features.key, key)).run();
}

export function enabledFeatures(db: Queryable, clientId: number): string[] {
  return db
    .select({ key: clientFeatures.featureKey })
    .from(clientFeatures)
    .innerJoin(features, eq(features.key, clientFeatures.featureKey))
    .where(eq(clientFeatures.clientId, clientId))
    .orderBy(asc(features.position))
    .all()
    .map((r) => r.key);
}

/** The enabled feature keys of many clients in one statement (the export), in catalogue order as `enabledFeatures`. */
export function enabledFeaturesOfClients(db: Queryable, clientIds: readonly number[]): Map<number, string[]> {
  const rows = db
    .select({ clientId: clientFeatures.clientId, key: clientFeatures.featureKey })
    .from(clientFeatures)
    .innerJoin(features, eq(features.key, clientFeatures.featureKey))
    .where(inArray(clientFeatures.clientId, listOf(clientIds)))
    .orderBy(asc(features.position))
    .all();
  const enabled = new Map<number, string[]>();
  for (const { clientId, key } of rows) {
    const keys = enabled.get(clientId);
    if (keys) keys.push(key);
    else enabled.set(clientId, [key]);
  }
  return enabled;
}

/** The keys among `keys` that the plan does not allow (unknown keys included). */
export function outsidePlan(db: Queryable, keys: readonly string[]): string[] {
  if (keys.length === 0) return [];
  const allowed = new Set(
    db
      .select({ key: features.key })
      .from(features)
      .where(and(inArray(features.key, [...keys]), eq(features.inPlan, true)))
      .all()
      .map((r) => r.key),
  );
  return keys.filter((k) => !allowed.has(k));
}

/** Adds to the catalogue's client counts. Rows enter client_features only here and below; a trigger counts removals. */
const countClients = (db: Queryable) =>
  db
    .update(features)
    .set({ clients: sql`${features.clients} + ${sql.placeholder('added')}` })
    .where(eq(features.key, sql.placeholder('key')))
    .prepare();

export function setClientFeatures(db: Queryable, clientId: number, keys: readonly string[]): void {
  db.delete(clientFeatures).where(eq(clientFeatures.clientId, clientId)).run();
  enableFeatures(db, keys.map((featureKey) => ({ clientId, featureKey })));
}

/** New (client, feature) pairs, counted once per feature. */
export function enableFeatures(db: Queryable, pairs: readonly { clientId: number; featureKey: string }[]): void {
  insertMany(db, clientFeatures, pairs);
  const added = new Map<string, number>();
  for (const { featureKey } of pairs) added.set(featureKey, (added.get(featureKey) ?? 0) + 1);
  if (added.size === 0) return;
  const count = countClients(db);
  for (const [key, n] of added) count.run({ key, added: n });
}

/** Prepared once per bulk call: enabling or disabling one feature client by client. */
export function featureSwitches(db: Queryable) {
  const insert = db
    .insert(clientFeatures)
    .values({ clientId: sql.placeholder('clientId'), featureKey: sql.placeholder('featureKey') })
    .onConflictDoNothing()
    .prepare();
  const count = countClients(db);
  return {
    enable: {
      run(pair: { clientId: number; featureKey: string }) {
        const result = insert.run(pair);
        if (result.changes > 0) count.run({ key: pair.featureKey, added: 1 });
        return result;
      },
    },
    disable: db
      .delete(clientFeatures)
      .where(and(eq(clientFeatures.clientId, sql.placeholder('clientId')), eq(clientFeatures.featureKey, sql.placeholder('featureKey'))))
      .prepare(),
  };
}
