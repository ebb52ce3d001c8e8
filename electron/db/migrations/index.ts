import foundation from './001-foundation';

/**
 * Numbered migrations, applied in order on open. The workspace's
 * `PRAGMA user_version` records the last one applied; never edit a released one,
 * add the next number instead.
 */
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'foundation', sql: foundation },
];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
