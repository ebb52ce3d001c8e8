import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { CatalogueFeature } from '../../shared/features';
import { insertMany } from '../db/batch';
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

export function setClientFeatures(db: Queryable, clientId: number, keys: readonly string[]): void {
  db.delete(clientFeatures).where(eq(clientFeatures.clientId, clientId)).run();
  if (keys.length) db.insert(clientFeatures).values(keys.map((featureKey) => ({ clientId, featureKey }))).run();
}

export function enableFeatures(db: Queryable, pairs: readonly { clientId: number; featureKey: string }[]): void {
  insertMany(db, clientFeatures, pairs);
}

/** Prepared once per bulk call: enabling or disabling one feature client by client. */
export function featureSwitches(db: Queryable) {
  return {
    enable: db
      .insert(clientFeatures)
      .values({ clientId: sql.placeholder('clientId'), featureKey: sql.placeholder('featureKey') })
      .onConflictDoNothing()
      .prepare(),
    disable: db
      .delete(clientFeatures)
      .where(and(eq(clientFeatures.clientId, sql.placeholder('clientId')), eq(clientFeatures.featureKey, sql.placeholder('featureKey'))))
      .prepare(),
  };
}
