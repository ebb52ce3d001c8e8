import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { creditKinds, creditReasons } from '../../shared/credits';

export const creditLedger = sqliteTable('credit_ledger', {
  id: integer('id').primaryKey(),
  clientId: integer('client_id').notNull(),
  kind: text('kind', { enum: creditKinds }).notNull(),
  amount: integer('amount').notNull(),
  reason: text('reason', { enum: creditReasons }).notNull(),
  note: text('note').notNull(),
  operatorId: integer('operator_id'),
  actor: text('actor').notNull(),
  at: integer('at').notNull(),
});
