import { writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { PRIVATE_FILE } from '../shell/private-files';
import type { HandlersOf, OperatorContext } from '../app/context';
import { scopeOf } from './handlers';
import { csvColumns, LIST_SEPARATOR, protectCell } from './csv';
import { exportRows, filteredIds } from './repository';

type ExportRow = ReturnType<typeof exportRows>[number];

function cells(row: ExportRow): string[] {
  const values: Record<string, string | number | null> = {
    ...row,
    createdAt: new Date(row.createdAt).toISOString(),
    tags: (JSON.parse(row.tags) as string[]).join(LIST_SEPARATOR),
    features: row.features.join(LIST_SEPARATOR),
  };
  return csvColumns.map(({ header, field }) => protectCell(String(values[field ?? camel(header)] ?? '')));
}
const camel = (header: string) => header.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase());

/**
 * Writes the clients to a CSV file the operator chooses (UTF-8 with BOM, so
 * spreadsheets read umlauts right) and records who exported how many where.
 * One audit entry for the export, not one per client: it changes nothing.
 */
export async function exportClients(ctx: OperatorContext, ids: readonly number[], defaultName: string): Promise<{ file: string | null; rows: number }> {
  const file = await ctx.shell.chooseSaveFile(defaultName);
  if (!file) return { file: null, rows: 0 };
  const rows = exportRows(ctx.workspace().db, ids);
  const text = stringify([csvColumns.map((c) => c.header), ...rows.map(cells)], { record_delimiter: '\r\n' });
  // Client data: readable by the operator's user only, wherever it is saved.
  writeFileSync(file, `\uFEFF${text}`, { mode: PRIVATE_FILE });
  ctx.write((_tx, audit) =>
    audit({ action: 'clients.exported', summary: `${rows.length} clients exported to ${file}`, after: { rows: rows.length, file } }),
  );
  return { file, rows: rows.length };
}

/** "clients-2026-11-23.csv": the day of the export, for the save dialog. */
export const exportFileName = (now: number) => `clients-${new Date(now).toISOString().slice(0, 10)}.csv`;

export const exportHandlers: HandlersOf<'clients.export'> = {
  'clients.export': (filter, ctx) => exportClients(ctx, filteredIds(ctx.workspace().db, scopeOf(ctx), filter), exportFileName(ctx.now())),
};
