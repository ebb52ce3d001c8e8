import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { actorKinds } from '../../shared/audit';
import { clientStatuses } from '../../shared/clients';
import { languages } from '../../shared/settings';
import { clientPartnerAccess, impersonationSessions } from '../impersonation/schema';
import { brand } from '../branding/schema';
import { clientInvitations, clientUsers } from '../client-users/schema';
import { creditLedger } from '../credits/schema';
import { clientFeatures, features } from '../features/schema';
import { mailOutbox } from '../mail/schema';
import { signInThrottle } from '../operators/schema';

/*
 * Typed view of the tables the migrations create; tests/integration/schema.test.ts
 * checks that every column here exists in a migrated workspace with the same type.
 * The FTS5 table `clients_search` is queried through the clients repository.
 * Tables of later features are declared in their feature folder (e.g.
 * electron/impersonation/schema.ts) and joined into `schema` below.
 */

export const workspaceMeta = sqliteTable('workspace_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const roles = sqliteTable('roles', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  allPermissions: integer('all_permissions', { mode: 'boolean' }).notNull(),
  builtin: integer('builtin', { mode: 'boolean' }).notNull(),
});

export const rolePermissions = sqliteTable(
  'role_permissions',
  {
    roleId: integer('role_id').notNull(),
    permission: text('permission').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.permission] })],
);

export const operators = sqliteTable('operators', {
  id: integer('id').primaryKey(),
  email: text('email').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roleId: integer('role_id').notNull(),
  allClients: integer('all_clients', { mode: 'boolean' }).notNull(),
  createdAt: integer('created_at').notNull(),
  lastSignInAt: integer('last_sign_in_at'),
});

export const operatorClients = sqliteTable(
  'operator_clients',
  {
    operatorId: integer('operator_id').notNull(),
    clientId: integer('client_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.operatorId, t.clientId] })],
);

export const clients = sqliteTable('clients', {
  id: integer('id').primaryKey(),
  companyName: text('company_name').notNull(),
  nameKey: text('name_key').notNull(),
  contactName: text('contact_name').notNull(),
  contactEmail: text('contact_email').notNull(),
  contactPhone: text('contact_phone').notNull(),
  street: text('street').notNull(),
  postalCode: text('postal_code').notNull(),
  city: text('city').notNull(),
  country: text('country').notNull(),
  language: text('language', { enum: languages }).notNull(),
  timeZone: text('time_zone').notNull(),
  status: text('status', { enum: clientStatuses }).notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  notes: text('notes').notNull(),
  /** JSON array of lower-case tags. */
  tags: text('tags').notNull(),
  portalSsoUrl: text('portal_sso_url'),
  suspensionReason: text('suspension_reason'),
  seatLimit: integer('seat_limit').notNull(),
  /** Sealed with the workspace's data key (db/sealed.ts). */
  ssoToken: text('sso_token').notNull(),
  /** The token's last four characters, for its masked form (migration 013). */
  ssoTokenHint: text('sso_token_hint').notNull(),
  /** Addresses the client's portal sign-in page: random, so client ids cannot be walked (migration 011). */
  portalSlug: text('portal_slug').notNull(),
});

/** How many clients hold each tag; kept by triggers on clients (migration 005). */
export const clientTagUsage = sqliteTable('client_tag_usage', {
  tag: text('tag').primaryKey(),
  clients: integer('clients').notNull(),
});

export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey(),
  at: integer('at').notNull(),
  /** Whose id `actorId` is (migration 012); none for the app itself and anonymous callers. */
  actorKind: text('actor_kind', { enum: actorKinds }).notNull(),
  actorId: integer('actor_id'),
  /** The name shown, as it was at the time. */
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  clientId: integer('client_id'),
  summary: text('summary').notNull(),
  beforeJson: text('before_json'),
  afterJson: text('after_json'),
});

export const schema = {
  workspaceMeta,
  roles,
  rolePermissions,
  operators,
  operatorClients,
  signInThrottle,
  clients,
  clientTagUsage,
  auditLog,
  clientPartnerAccess,
  impersonationSessions,
  features,
  clientFeatures,
  clientUsers,
  clientInvitations,
  creditLedger,
  brand,
  mailOutbox,
};
