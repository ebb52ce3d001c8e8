import { getTableColumns, getTableName } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { schema } from '../../electron/db/schema';
import { testCore, type TestCore } from '../support/core';

let t: TestCore;
afterEach(() => t?.dispose());

it('matches the typed schema to the migrated tables, column by column', () => {
  t = testCore();
  const { sqlite } = t.core.host.database();
  for (const table of Object.values(schema)) {
    const actual = new Map(
      (sqlite.prepare(`PRAGMA table_info("${getTableName(table)}")`).all() as { name: string; type: string; notnull: number }[]).map((c) => [c.name, c]),
    );
    const typed = Object.values(getTableColumns(table));
    expect(typed.length, getTableName(table)).toBe(actual.size);
    for (const column of typed) {
      const found = actual.get(column.name);
      expect(found, `${getTableName(table)}.${column.name}`).toBeDefined();
      expect(found!.type).toBe(column.getSQLType().toUpperCase());
      expect(!!found!.notnull || column.primary, `${getTableName(table)}.${column.name} not null`).toBe(column.notNull);
    }
  }
});
