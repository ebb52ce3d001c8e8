import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { clientUserRoles, clientUserStatuses } from '../../shared/client-users';

export const clientUsers = sqliteTable('client_users', {
  id: integer('id').primaryKey(),
  clientId: integer('client_id').notNull(),
  displayName: text('display_name').notNull(),
  email: text('email').notNull(),
  role: text('role', { enum: clientUserRoles }).notNull(),
  status: text('status', { enum: clientUserStatuses }).notNull(),
  createdAt: integer('created_at').notNull(),
  /** Chosen by the client user through their invitation; no operator ever sets or sees it. */
  passwordHash: text('password_hash'),
});

export const clientInvitations = sqliteTable('client_invitations', {
  id: integer('id').primaryKey(),
  clientUserId: integer('client_user_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  acceptedAt: integer('accepted_at'),
});
