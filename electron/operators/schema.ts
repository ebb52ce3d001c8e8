import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const throttleKinds = ['account', 'source'] as const;
export type ThrottleKind = (typeof throttleKinds)[number];

export const signInThrottle = sqliteTable(
  'sign_in_throttle',
  {
    kind: text('kind', { enum: throttleKinds }).notNull(),
    key: text('key').notNull(),
    failures: integer('failures').notNull(),
    retryAt: integer('retry_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key] })],
);
