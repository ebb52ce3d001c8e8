/**
 * The permission catalogue: the one list of rights an operator can hold.
 * Channels name one of these (or an access level below); roles grant them.
 * A feature adds its entries here and nowhere else. Labels live in the
 * renderer's translations under `permissions.<key>`.
 */
export const permissionCatalogue = [
  { key: 'clients.view', group: 'clients' },
  { key: 'clients.edit', group: 'clients' },
  { key: 'clients.status', group: 'clients' },
  { key: 'clients.credits', group: 'clients' },
  { key: 'clients.ssoToken', group: 'clients' },
  { key: 'clients.import', group: 'clients' },
  { key: 'clients.export', group: 'clients' },
  { key: 'features.manage', group: 'portfolio' },
  { key: 'branding.manage', group: 'portfolio' },
  { key: 'audit.view', group: 'audit' },
  { key: 'impersonate.client', group: 'impersonation' },
  { key: 'impersonate.partner', group: 'impersonation' },
  { key: 'impersonation.manage', group: 'impersonation' },
] as const;

export type Permission = (typeof permissionCatalogue)[number]['key'];
export const permissionKeys: readonly Permission[] = permissionCatalogue.map((p) => p.key);

/** Channels open before sign-in (`public`) or to any signed-in operator (`signedIn`). */
export type AccessLevel = 'public' | 'signedIn';
export type ChannelAccess = AccessLevel | Permission;

export const ADMINISTRATOR_ROLE = 'Administrator';
