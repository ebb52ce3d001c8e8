import { setImmediate as nextTurn } from 'node:timers/promises';
import { z } from 'zod';
import { importFields, requiredImportFields, type ImportField, type RowIssue } from '../../../shared/client-import';
import type { FieldIssue } from '../../../shared/ipc/errors';
import { clientFields, creditAmount, seatLimit } from '../../../shared/clients';
import { featureKey } from '../../../shared/features';
import { zodFieldIssues } from '../../../shared/ipc/field-issues';
import { csvColumns, fieldOfHeader, splitList, unprotectCell } from '../csv';
import { nameKey } from '../search';

export interface ImportColumn {
  index: number;
  header: string;
  field: ImportField | null;
}

/** The columns as the header names them; `known` is false when no header cell names anything we know (no header line). */
export function detectColumns(header: readonly string[]): { columns: ImportColumn[]; known: boolean } {
  const fields = header.map((cell) => fieldOfHeader(cell));
  return {
    columns: header.map((cell, index) => ({ index, header: cell, field: fields[index] === 'exportOnly' ? null : (fields[index] as ImportField | null) })),
    known: fields.some((f) => f !== null),
  };
}

const rowSchema = z.object({
  ...clientFields,
  seatLimit,
  smsCredits: creditAmount,
  callCredits: creditAmount,
  features: z.array(featureKey).max(100),
}).omit({ portalSsoUrl: true });
export type ImportRow = z.output<typeof rowSchema>;

/** Signs are read, so "-5" is refused for being below the minimum rather than for not being a number. */
const wholeNumber = (fallback: number) => (cell: string) => (cell === '' ? fallback : /^[-+]?\d{1,10}$/.test(cell) ? Number(cell) : cell);
/** A cell that is not a whole number, in the field rules' words instead of "wrong type". */
const asCellIssue = (issue: FieldIssue): FieldIssue =>
  issue.key === 'validation.type' ? { path: issue.path, key: 'validation.wholeNumber', message: 'Enter a whole number.' } : issue;
/** Cell text to field value; empty optional cells take the same defaults as the create form. */
const fromCell: Partial<Record<ImportField, (cell: string) => unknown>> = {
  language: (cell) => cell.toLowerCase() || 'en',
  timeZone: (cell) => cell || 'UTC',
  tags: splitList,
  features: splitList,
  seatLimit: wholeNumber(5),
  smsCredits: wholeNumber(0),
  callCredits: wholeNumber(0),
};

export interface CheckedRows {
  rows: { row: number; values: ImportRow }[];
  errors: RowIssue[];
  warnings: RowIssue[];
  invalidRows: number;
}

/** What the workspace holds already, asked for the file's values in one go. */
export interface WorkspaceKeys {
  emails(emails: readonly string[]): Map<string, { id: number; companyName: string }>;
  names(nameKeys: readonly string[]): Map<string, number>;
  /** Feature keys the plan allows. */
  plan: Set<string>;
}

const canonicalHeader = (field: ImportField) => csvColumns.find((c) => c.field === field)!.header;

/** Problems of the mapping itself, reported on row 1 (the header). */
export function columnIssues(columns: readonly ImportColumn[]): { errors: RowIssue[]; warnings: RowIssue[] } {
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  for (const field of requiredImportFields) {
    if (!columns.some((c) => c.field === field)) {
      const column = canonicalHeader(field);
      errors.push({ row: 1, column: null, key: 'import.missingColumn', params: { column }, message: `The required column "${column}" is missing.` });
    }
  }
  const seen = new Map<ImportField, string>();
  for (const { header, field } of columns) {
    if (field === null) {
      warnings.push({ row: 1, column: header, key: 'import.columnIgnored', params: { column: header }, message: `The column "${header}" is not imported.` });
    } else if (seen.has(field)) {
      errors.push({ row: 1, column: header, key: 'import.duplicateColumn', params: { column: header, other: seen.get(field)! }, message: `"${header}" and "${seen.get(field)}" fill the same field.` });
    } else {
      seen.set(field, header);
    }
  }
  return { errors, warnings };
}

/**
 * Checks every data row (row 2 on) against the same rules as the create form,
 * plus the duplicate rules: a contact e-mail already used by a client that is
 * not archived, or earlier in the file, makes the row invalid; a company name
 * seen before only warns. Yields now and then, reporting progress, so a large
 * file neither blocks the app nor ignores a cancel.
 */
export async function checkRows(
  records: readonly string[][],
  columns: readonly ImportColumn[],
  keys: WorkspaceKeys,
  progress: (done: number) => void,
): Promise<CheckedRows> {
  const mapped = columns.filter((c): c is ImportColumn & { field: ImportField } => c.field !== null);
  const headerOf = new Map(mapped.map((c) => [c.field as string, c.header]));
  const width = columns.length;
  // Columns the file lacks count as empty cells.
  const empty = Object.fromEntries(importFields.map((field) => [field, (fromCell[field] ?? String)('')]));
  const issuesOf = new Map<number, RowIssue[]>();
  const issue = (row: number, column: string | null, key: string, message: string, params?: RowIssue['params']) => {
    let list = issuesOf.get(row);
    if (!list) issuesOf.set(row, (list = []));
    list.push({ row, column, key, message, ...(params && { params }) });
  };

  // First the rules of each field, row by row.
  const parsed: { row: number; values: ImportRow }[] = [];
  for (let i = 1; i < records.length; i++) {
    if (i % 5000 === 0) {
      progress(i);
      await nextTurn();
    }
    const cells = records[i]!;
    const row = i + 1;
    if (cells.length > width) issue(row, null, 'import.extraCells', `Row ${row} has ${cells.length} cells; the header names ${width}.`, { expected: width, found: cells.length });
    const input: Record<string, unknown> = { ...empty };
    for (const { index, field } of mapped) input[field] = (fromCell[field] ?? String)(unprotectCell((cells[index] ?? '').trim()));
    const result = rowSchema.safeParse(input);
    if (!result.success) {
      for (const f of zodFieldIssues(result.error).map(asCellIssue)) issue(row, headerOf.get(f.path.split('.')[0]!) ?? null, f.key, f.message, f.params);
      continue;
    }
    const outside = result.data.features.find((key) => !keys.plan.has(key));
    if (outside) issue(row, headerOf.get('features')!, 'features.notInPlan', `The feature "${outside}" is not part of your plan (or does not exist).`, { feature: outside });
    parsed.push({ row, values: result.data });
  }

  // Then the duplicate rules, against the workspace (one query each) and earlier rows.
  const taken = keys.emails(parsed.map((p) => p.values.contactEmail));
  const existingNames = keys.names(parsed.map((p) => nameKey(p.values.companyName)));
  const emailsInFile = new Map<string, number>();
  const namesInFile = new Map<string, number>();
  const checked: CheckedRows = { rows: [], errors: [], warnings: [], invalidRows: 0 };
  for (const { row, values } of parsed) {
    const email = values.contactEmail;
    const other = taken.get(email);
    if (other) {
      issue(row, headerOf.get('contactEmail')!, 'clients.duplicateEmail', `${email} is already the contact e-mail of client #${other.id} (${other.companyName}).`, { email, id: other.id, companyName: other.companyName });
    } else if (emailsInFile.has(email)) {
      issue(row, headerOf.get('contactEmail')!, 'import.duplicateInFile', `${email} is also in row ${emailsInFile.get(email)}.`, { email, firstRow: emailsInFile.get(email)! });
    }
    if (issuesOf.has(row)) continue;
    emailsInFile.set(email, row);
    nameWarning(checked.warnings, row, headerOf.get('companyName')!, values.companyName, existingNames, namesInFile);
    checked.rows.push({ row, values });
  }
  for (const row of [...issuesOf.keys()].sort((a, b) => a - b)) checked.errors.push(...issuesOf.get(row)!);
  checked.invalidRows = issuesOf.size;
  return checked;
}

function nameWarning(warnings: RowIssue[], row: number, column: string, companyName: string, existingNames: Map<string, number>, namesInFile: Map<string, number>) {
  const key = nameKey(companyName);
  const existing = existingNames.get(key);
  const earlier = namesInFile.get(key);
  if (existing !== undefined) {
    warnings.push({
      row,
      column,
      key: 'import.duplicateCompanyName',
      params: { id: existing, companyName },
      message: `Client #${existing} has the same company name (${companyName}); the row is imported all the same.`,
    });
  } else if (earlier !== undefined) {
    warnings.push({ row, column, key: 'import.duplicateNameInFile', params: { firstRow: earlier }, message: `Row ${earlier} has the same company name.` });
  } else {
    namesInFile.set(key, row);
  }
}
