import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { endReasons, views } from '../../shared/impersonation';

export const clientPartnerAccess = sqliteTable('client_partner_access', {
  clientId: integer('client_id').primaryKey(),
  access: text('access', { enum: ['allowed', 'refused'] }).notNull(),
  until: integer('until'),
});

export const impersonationSessions = sqliteTable('impersonation_sessions', {
  id: text('id').primaryKey(),
  clientId: integer('client_id').notNull(),
  operatorId: integer('operator_id').notNull(),
  operatorName: text('operator_name').notNull(),
  view: text('view', { enum: views }).notNull(),
  reason: text('reason'),
  readOnly: integer('read_only', { mode: 'boolean' }).notNull(),
  startedAt: integer('started_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  endedAt: integer('ended_at'),
  endReason: text('end_reason', { enum: endReasons }),
});
