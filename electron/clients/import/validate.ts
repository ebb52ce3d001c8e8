import { setImmediate as nextTurn } from 'node:timers/promises';
import { z } from 'zod';
import { requiredImportFields, type ImportField, type RowIssue } from '../../../shared/client-import';
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

/**
 * Signs are read, so "-5" is refused for being below the minimum rather than
 * for not being a number; up to 15 digits (still exact), so a huge figure is
 * refused as too large rather than as no number.
 */
const wholeNumber = (fallback: number) => (cell: string) => (cell === '' ? fallback : /^[-+]?\d{1,15}$/.test(cell) ? Number(cell) : cell);
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

/** The fields of a row in the schema's order: the order of a row's issues and of its values' keys (the audit entry keeps that order). */
const rowFields = Object.keys(rowSchema.shape) as (keyof ImportRow & ImportField)[];

/** One field's answer for one cell. */
type FieldAnswer = { ok: true; value: unknown } | { ok: false; issues: FieldIssue[] };
/** Distinct cells remembered per column: enough for countries, languages, time zones, tags, features and numbers; names and e-mails rarely repeat. */
const ANSWERS_PER_FIELD = 1000;

/** A row that passed the rules, by its line in the file. */
export interface CheckedRow {
  row: number;
  values: ImportRow;
}

export interface CheckedRows {
  rows: CheckedRow[];
  errors: RowIssue[];
  warnings: RowIssue[];
  invalidRows: number;
}

/** What the workspace holds already, asked for many of the file's values in one go. */
export interface WorkspaceKeys {
  /** null: taken by a client beyond the operator's reach, who is not named. */
  emails(emails: readonly string[]): Map<string, { id: number; companyName: string } | null>;
  /** Only clients within the operator's reach. */
  names(nameKeys: readonly string[]): Map<string, number>;
  /** Changes with every write to the workspace (see writeMark). */
  mark(): string;
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

type Issues = Map<number, RowIssue[]>;
function addIssue(issues: Issues, row: number, column: string | null, key: string, message: string, params?: RowIssue['params']) {
  let list = issues.get(row);
  if (!list) issues.set(row, (list = []));
  list.push({ row, column, key, message, ...(params && { params }) });
}

/** Rows checked between turns: a large file neither blocks the app nor ignores a cancel. */
const ROWS_PER_TURN = 5000;

/**
 * Checks the data rows (row 2 on) of one mapping of columns against the same
 * rules as the create form, as the rows arrive (while the rest of the file is
 * still being sent); then, once all are in, the duplicate rules: a contact
 * e-mail already used by a client that is not archived, or earlier in the
 * file, makes the row invalid; a company name seen before only warns.
 */
export class RowCheck {
  /** The column of each field the file has; the others count as empty cells. */
  private readonly indexOf: Map<ImportField, number>;
  private readonly headerOf: Map<string, string>;
  /**
   * Each field's answer per distinct cell: the rules are checked field by
   * field, and a value most rows repeat (country, language, time zone, tags,
   * features, numbers) is checked once (on 100,000 rows, 10 to 12 µs a row became 5).
   */
  private readonly answers = new Map<ImportField, Map<string, FieldAnswer>>(rowFields.map((field) => [field, new Map()]));
  private readonly issues: Issues = new Map();
  private readonly parsed: CheckedRow[] = [];
  /** The duplicate rules' progress: up to `next` in `parsed`, with the workspace at `mark`. */
  private dup: { mark: string; next: number; issues: Issues; rows: CheckedRow[]; warnings: RowIssue[]; emailsInFile: Map<string, number>; namesInFile: Map<string, number> } | null = null;
  private dupLeftToFinish = false;
  /** The next record to check; record 0 is the header. */
  private next = 1;
  /** What was checked: the field of each column, and the plan. */
  readonly key: string;

  constructor(
    readonly columns: readonly ImportColumn[],
    /** Feature keys the plan allows. */
    private readonly plan: ReadonlySet<string>,
  ) {
    const mapped = columns.filter((c): c is ImportColumn & { field: ImportField } => c.field !== null);
    this.indexOf = new Map(mapped.map((c) => [c.field, c.index]));
    this.headerOf = new Map(mapped.map((c) => [c.field as string, c.header]));
    this.key = JSON.stringify([columns.map((c) => c.field), [...plan]]);
  }

  /** The rules of each field for the records not checked yet; `progress` is told the rows done and may throw to stop. */
  async fields(records: readonly string[][], progress: (done: number) => void): Promise<void> {
    while (this.next < records.length) {
      const end = Math.min(records.length, this.next + ROWS_PER_TURN);
      for (; this.next < end; this.next++) this.row(records[this.next]!, this.next + 1);
      progress(this.next - 1);
      await nextTurn();
    }
  }

  private row(cells: readonly string[], row: number) {
    const width = this.columns.length;
    if (cells.length > width) addIssue(this.issues, row, null, 'import.extraCells', `Row ${row} has ${cells.length} cells; the header names ${width}.`, { expected: width, found: cells.length });
    const values: Record<string, unknown> = {};
    let failed = false;
    for (const field of rowFields) {
      const index = this.indexOf.get(field);
      const answer = this.answer(field, index === undefined ? '' : unprotectCell((cells[index] ?? '').trim()));
      if (answer.ok) {
        values[field] = answer.value;
      } else {
        failed = true;
        for (const f of answer.issues) addIssue(this.issues, row, this.headerOf.get(field) ?? null, f.key, f.message, f.params);
      }
    }
    if (failed) return;
    const checked = values as ImportRow;
    const outside = checked.features.find((key) => !this.plan.has(key));
    if (outside) addIssue(this.issues, row, this.headerOf.get('features')!, 'features.notInPlan', `The feature "${outside}" is not part of your plan (or does not exist).`, { feature: outside });
    this.parsed.push({ row, values: checked });
  }

  /** A field's rules for one cell, remembered per distinct cell; the values are frozen, as rows share them. */
  private answer(field: ImportField & keyof ImportRow, cell: string): FieldAnswer {
    const known = this.answers.get(field)!;
    let answer = known.get(cell);
    if (!answer) {
      const result = rowSchema.shape[field].safeParse((fromCell[field] ?? String)(cell));
      answer = result.success ? { ok: true, value: Object.freeze(result.data) } : { ok: false, issues: zodFieldIssues(result.error).map(asCellIssue) };
      if (known.size < ANSWERS_PER_FIELD) known.set(cell, answer);
    }
    return answer;
  }

  /**
   * The duplicate rules for the rows checked since the last call, asking the
   * workspace about those rows only: run as pieces arrive, so the preview
   * finds them done. They hold while the workspace is unchanged (its write
   * mark); after a write in between, they are left to `finish`, which then
   * applies them to every row at once, so writes during a long upload do not
   * make them start over again and again.
   */
  duplicates(keys: WorkspaceKeys): void {
    if (this.dupLeftToFinish) return;
    if (this.dup && this.dup.mark !== keys.mark()) {
      this.dup = null;
      this.dupLeftToFinish = true;
      return;
    }
    this.applyDuplicates(keys);
  }

  /** Every row checked, with the duplicate rules applied to the last ones (or all, if the workspace changed since). */
  finish(keys: WorkspaceKeys): CheckedRows {
    if (this.dup && this.dup.mark !== keys.mark()) this.dup = null;
    this.applyDuplicates(keys);
    const { rows, warnings, issues } = this.dup!;
    const invalid = [...new Set([...this.issues.keys(), ...issues.keys()])].sort((a, b) => a - b);
    // A row's field issues come before its duplicate ones.
    const errors = invalid.flatMap((row) => [...(this.issues.get(row) ?? []), ...(issues.get(row) ?? [])]);
    return { rows: [...rows], errors, warnings: [...warnings], invalidRows: invalid.length };
  }

  private applyDuplicates(keys: WorkspaceKeys) {
    this.dup ??= { mark: keys.mark(), next: 0, issues: new Map(), rows: [], warnings: [], emailsInFile: new Map(), namesInFile: new Map() };
    const dup = this.dup;
    const batch = this.parsed.slice(dup.next);
    dup.next = this.parsed.length;
    if (!batch.length) return;
    const { headerOf } = this;
    const nameKeys = batch.map((p) => nameKey(p.values.companyName));
    const taken = keys.emails(batch.map((p) => p.values.contactEmail));
    const existingNames = keys.names(nameKeys);
    batch.forEach(({ row, values }, i) => {
      const email = values.contactEmail;
      const other = taken.get(email);
      if (other === null) {
        addIssue(dup.issues, row, headerOf.get('contactEmail')!, 'clients.duplicateEmailElsewhere', `${email} is already the contact e-mail of another client.`, { email });
      } else if (other) {
        addIssue(dup.issues, row, headerOf.get('contactEmail')!, 'clients.duplicateEmail', `${email} is already the contact e-mail of client #${other.id} (${other.companyName}).`, { email, id: other.id, companyName: other.companyName });
      } else if (dup.emailsInFile.has(email)) {
        addIssue(dup.issues, row, headerOf.get('contactEmail')!, 'import.duplicateInFile', `${email} is also in row ${dup.emailsInFile.get(email)}.`, { email, firstRow: dup.emailsInFile.get(email)! });
      }
      if (this.issues.has(row) || dup.issues.has(row)) return;
      dup.emailsInFile.set(email, row);
      nameWarning(dup.warnings, row, headerOf.get('companyName')!, values.companyName, nameKeys[i]!, existingNames, dup.namesInFile);
      dup.rows.push({ row, values });
    });
  }
}

function nameWarning(warnings: RowIssue[], row: number, column: string, companyName: string, key: string, existingNames: Map<string, number>, namesInFile: Map<string, number>) {
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
