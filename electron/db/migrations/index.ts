import foundation from './001-foundation';
import portfolio from './002-portfolio';
import impersonation from './003-impersonation';
import portalSignIn from './004-portal-sign-in';
import usageCounts from './005-usage-counts';
import statusOrder from './006-status-order';
import leanerInserts from './007-leaner-inserts';
import defaultBrandName from './008-default-brand-name';
import featureCountsPerStatement from './009-feature-counts-per-statement';
import signInThrottle from './010-sign-in-throttle';
import portalSlugs from './011-portal-slugs';
import auditActors from './012-audit-actors';
import sealedSecrets from './013-sealed-secrets';

/**
 * Numbered migrations, applied in order on open. The workspace's
 * `PRAGMA user_version` records the last one applied; never edit a released one,
 * add the next number instead.
 */
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'foundation', sql: foundation },
  { version: 2, name: 'portfolio', sql: portfolio },
  { version: 3, name: 'impersonation', sql: impersonation },
  { version: 4, name: 'portal sign-in', sql: portalSignIn },
  { version: 5, name: 'usage counts', sql: usageCounts },
  { version: 6, name: 'status order', sql: statusOrder },
  { version: 7, name: 'leaner inserts', sql: leanerInserts },
  { version: 8, name: 'default brand name', sql: defaultBrandName },
  { version: 9, name: 'feature counts per statement', sql: featureCountsPerStatement },
  { version: 10, name: 'sign-in throttle', sql: signInThrottle },
  { version: 11, name: 'portal slugs', sql: portalSlugs },
  { version: 12, name: 'audit actors', sql: auditActors },
  { version: 13, name: 'sealed secrets', sql: sealedSecrets },
];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
