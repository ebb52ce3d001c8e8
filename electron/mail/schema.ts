import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const mailOutbox = sqliteTable('mail_outbox', {
  id: integer('id').primaryKey(),
  clientId: integer('client_id'),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  bodyText: text('body_text').notNull(),
  /** Sealed with the workspace's data key (db/sealed.ts): the path holds a one-time token. */
  linkPath: text('link_path'),
  createdAt: integer('created_at').notNull(),
});
