import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const features = sqliteTable('features', {
  key: text('key').primaryKey(),
  position: integer('position').notNull(),
  inPlan: integer('in_plan', { mode: 'boolean' }).notNull(),
  hidden: integer('hidden', { mode: 'boolean' }).notNull(),
  /** Clients using it: added to by the features repository (migration 009), taken from by a trigger on client_features (migration 005). */
  clients: integer('clients').notNull(),
});

export const clientFeatures = sqliteTable(
  'client_features',
  {
    clientId: integer('client_id').notNull(),
    featureKey: text('feature_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.featureKey] })],
);
