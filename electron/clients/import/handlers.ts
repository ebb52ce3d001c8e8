import { randomUUID } from 'node:crypto';
import { IMPORT_CHUNK_BYTES, IMPORT_MAX_BYTES, type ImportPreview, type RowIssue } from '../../../shared/client-import';
import type { HandlersOf, OperatorContext } from '../../app/context';
import { AppError, conflict, invalidField, notFound } from '../../app/errors';
import { listCatalogue } from '../../features/repository';
import { operatorActor } from '../../audit/repository';
import { writeMark } from '../../db/open';
import type { WorkspaceHost } from '../../workspace/host';
import { scopeOf } from '../handlers';
import { liveEmails, liveNameKeys, unreachableIds } from '../repository';
import { insertImported } from './commit';
import { CsvReader, refuseTooLarge } from './reader';
import { columnIssues, detectColumns, RowCheck, type CheckedRows, type ImportColumn, type WorkspaceKeys } from './validate';

interface ImportSession {
  id: string;
  operatorId: number;
  /** The workspace file it belongs to: a session never crosses into another workspace. */
  workspace: string;
  fileName: string;
  reader: CsvReader;
  /** Parsing and checking the pieces received so far; a failure surfaces at the next call. */
  work: Promise<void>;
  read: boolean;
  cancelled: boolean;
  /** The rows checked as they arrived, with the columns the header names. */
  arriving: RowCheck | null;
  checked: {
    mapping: string;
    columns: ImportColumn[];
    header: { errors: RowIssue[]; warnings: RowIssue[] };
    rows: CheckedRows;
    /** The workspace as the duplicate rules saw it. */
    mark: string;
  } | null;
}

/**
 * Imports in progress, per app (its workspace host) and operator. Nothing is
 * written before commit, so cancelling, failing or abandoning an import just
 * drops it; a new import replaces the operator's unfinished one.
 */
const sessions = new WeakMap<WorkspaceHost, Map<number, ImportSession>>();
const sessionsOf = (ctx: OperatorContext) => {
  let map = sessions.get(ctx.host);
  if (!map) sessions.set(ctx.host, (map = new Map()));
  return map;
};

function sessionFor(ctx: OperatorContext, importId: string): ImportSession {
  const session = sessionsOf(ctx).get(ctx.operator.id);
  if (!session || session.id !== importId || session.workspace !== ctx.workspace().file) {
    throw notFound('import.notFound', 'This import is no longer open (cancelled, finished or replaced by a newer one). Start again.');
  }
  return session;
}

/** Reads (part of) the file; a file that cannot be read ends the import, so it never half-lingers. */
async function reading<T>(ctx: OperatorContext, session: ImportSession, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    drop(ctx, session);
    throw error;
  }
}
function drop(ctx: OperatorContext, session: ImportSession) {
  session.cancelled = true;
  if (sessionsOf(ctx).get(session.operatorId) === session) sessionsOf(ctx).delete(session.operatorId);
}

/** Progress of checking rows; throws once the import is cancelled, which stops the check. */
const checking = (ctx: OperatorContext, session: ImportSession, total: () => number) => (done: number) => {
  if (session.cancelled) throw conflict('import.cancelled', 'The import was cancelled.');
  ctx.emit('clients.import.progress', { importId: session.id, phase: 'validating', done, total: total() });
};

const planOf = (ctx: OperatorContext) => new Set(listCatalogue(ctx.workspace().db).filter((f) => f.inPlan).map((f) => f.key));

/** Checks the rows of the pieces parsed so far with the columns the header names (the mapping most imports keep). */
async function checkArrived(ctx: OperatorContext, session: ImportSession): Promise<void> {
  const { records } = session.reader;
  if (!records.length) return;
  if (!session.arriving) {
    const detected = detectColumns(records[0]!);
    if (!detected.known || columnIssues(detected.columns).errors.length) return;
    session.arriving = new RowCheck(detected.columns, planOf(ctx));
  }
  await session.arriving.fields(records, checking(ctx, session, () => session.reader.records.length - 1));
  session.arriving.duplicates(workspaceKeys(ctx));
}

/** The workspace's contact e-mails and company names, asked by the duplicate rules; clients beyond reach are not named. */
function workspaceKeys(ctx: OperatorContext): WorkspaceKeys {
  const { db, sqlite } = ctx.workspace();
  const beyondReach = (ids: Iterable<number>) => new Set(unreachableIds(db, scopeOf(ctx), [...ids]));
  return {
    emails: (list) => {
      const taken = liveEmails(db, list);
      const hidden = beyondReach([...taken.values()].map((c) => c.id));
      return new Map([...taken].map(([email, client]) => [email, hidden.has(client.id) ? null : client]));
    },
    names: (keys) => {
      const named = liveNameKeys(db, keys);
      const hidden = beyondReach(named.values());
      return new Map([...named].filter(([, id]) => !hidden.has(id)));
    },
    mark: () => writeMark(sqlite),
  };
}

const FIRST = 200;

async function check(ctx: OperatorContext, session: ImportSession, mapping: { index: number; field: ImportColumn['field'] }[] | undefined) {
  const { records } = session.reader;
  const header = records[0]!;
  let columns = detectColumns(header).columns;
  if (mapping) {
    const wrong = mapping.find((m) => m.index >= header.length);
    if (wrong) throw invalidField('mapping', 'import.noSuchColumn', `The file has ${header.length} columns; there is no column ${wrong.index + 1}.`, { index: wrong.index, columns: header.length });
    const chosen = new Map(mapping.map((m) => [m.index, m.field]));
    columns = columns.map((c) => (chosen.has(c.index) ? { ...c, field: chosen.get(c.index)! } : c));
  }
  // The plan is part of what is checked: a feature taken out of it meanwhile makes its rows invalid.
  const fresh = new RowCheck(columns, planOf(ctx));
  if (session.checked?.mapping === fresh.key) return session.checked;
  const headerIssues = columnIssues(columns);
  const total = records.length - 1;
  const progress = checking(ctx, session, () => total);
  let rows: CheckedRows = { rows: [], errors: [], warnings: [], invalidRows: total };
  if (!headerIssues.errors.length) {
    const rowCheck = session.arriving?.key === fresh.key ? session.arriving : fresh;
    await rowCheck.fields(records, progress);
    rows = rowCheck.finish(workspaceKeys(ctx));
  }
  progress(total);
  return (session.checked = { mapping: fresh.key, columns, header: headerIssues, rows, mark: writeMark(ctx.workspace().sqlite) });
}

function preview(session: ImportSession): ImportPreview {
  const { columns, header, rows } = session.checked!;
  const errors = [...header.errors, ...rows.errors];
  const warnings = [...header.warnings, ...rows.warnings];
  return {
    fileName: session.fileName,
    rows: session.reader.records.length - 1,
    validRows: rows.rows.length,
    invalidRows: rows.invalidRows,
    columns,
    sample: rows.rows.slice(0, 20).map(({ row, values }) => ({
      row,
      values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join('; ') : String(v)])),
    })),
    errors: errors.slice(0, FIRST),
    errorCount: errors.length,
    warnings: warnings.slice(0, FIRST),
    warningCount: warnings.length,
  };
}

export const importHandlers: HandlersOf<'clients.import.begin' | 'clients.import.chunk' | 'clients.import.preview' | 'clients.import.commit' | 'clients.import.cancel'> = {
  'clients.import.begin': ({ fileName, size }, ctx) => {
    if (size > IMPORT_MAX_BYTES) throw refuseTooLarge(size);
    const previous = sessionsOf(ctx).get(ctx.operator.id);
    if (previous) drop(ctx, previous);
    const session: ImportSession = {
      id: randomUUID(),
      operatorId: ctx.operator.id,
      workspace: ctx.workspace().file,
      fileName,
      reader: new CsvReader(size),
      work: Promise.resolve(),
      read: false,
      cancelled: false,
      arriving: null,
      checked: null,
    };
    sessionsOf(ctx).set(ctx.operator.id, session);
    return { importId: session.id, chunkBytes: IMPORT_CHUNK_BYTES, maxBytes: IMPORT_MAX_BYTES };
  },

  'clients.import.chunk': async ({ importId, data }, ctx) => {
    const session = sessionFor(ctx, importId);
    if (session.read) throw conflict('import.alreadyRead', 'The whole file has been read already; start a new import to send another.');
    // The piece before was parsed and checked while this one was on its way; its failure ends the import here.
    await reading(ctx, session, () => session.work);
    const text = await reading(ctx, session, () => session.reader.take(Buffer.from(data, 'base64')));
    session.work = session.reader.parse(text).then(() => {
      ctx.emit('clients.import.progress', { importId, phase: 'reading', done: session.reader.receivedBytes, total: session.reader.size });
      return checkArrived(ctx, session);
    });
    session.work.catch(() => undefined);
    return { receivedBytes: session.reader.receivedBytes, rows: Math.max(0, session.reader.records.length - 1) };
  },

  'clients.import.preview': async ({ importId, mapping }, ctx) => {
    const session = sessionFor(ctx, importId);
    if (!session.read) {
      await reading(ctx, session, async () => {
        await session.work;
        await session.reader.finish();
        const { records } = session.reader;
        if (records.length < 2) throw new AppError('VALIDATION', 'import.empty', 'The file has no rows to import (a header line and at least one row are needed).');
        if (!detectColumns(records[0]!).known) {
          throw new AppError('VALIDATION', 'import.noHeader', 'The first line must name the columns (company_name, contact_name, contact_email …); none of its cells is a column name we know.');
        }
      });
      session.read = true;
    }
    await check(ctx, session, mapping);
    return preview(session);
  },

  'clients.import.commit': ({ importId, mode }, ctx) => {
    const session = sessionFor(ctx, importId);
    if (!session.checked) throw conflict('import.previewFirst', 'Preview the import before committing it.');
    const { header, rows, mark } = session.checked;
    if (header.errors.length || rows.rows.length === 0 || (mode === 'allOrNothing' && rows.invalidRows > 0)) {
      throw conflict('import.hasErrors', `${rows.invalidRows} rows have problems; fix them, or import the valid rows only.`, { invalid: rows.invalidRows, valid: rows.rows.length });
    }
    const total = rows.rows.length;
    ctx.emit('clients.import.progress', { importId, phase: 'committing', done: 0, total });
    const actor = operatorActor(ctx.operator);
    const result = ctx.write((tx, audit) => {
      // E-mails taken since the preview make those rows invalid too; asked again only if anything was written since.
      const unchanged = writeMark(ctx.workspace().sqlite) === mark;
      const emails = unchanged ? new Map() : liveEmails(tx, rows.rows.map((r) => r.values.contactEmail));
      const fresh = emails.size ? rows.rows.filter((r) => !emails.has(r.values.contactEmail)) : rows.rows;
      if (fresh.length < total && mode === 'allOrNothing') {
        throw conflict('import.changedSincePreview', `${total - fresh.length} contact e-mails were taken since the preview. Preview again.`, { rows: total - fresh.length });
      }
      insertImported(tx, ctx.workspace().sealer, audit, fresh.map((r) => r.values), actor, ctx.now(), (done) =>
        ctx.emit('clients.import.progress', { importId, phase: 'committing', done, total }),
      );
      const skipped = rows.invalidRows + total - fresh.length;
      audit({ action: 'clients.imported', summary: `${fresh.length} clients imported from ${session.fileName}`, after: { file: session.fileName, imported: fresh.length, skipped } });
      return { imported: fresh.length, skipped };
    });
    drop(ctx, session);
    ctx.emit('clients.import.progress', { importId, phase: 'done', done: result.imported, total: result.imported });
    return result;
  },

  'clients.import.cancel': ({ importId }, ctx) => {
    const session = sessionsOf(ctx).get(ctx.operator.id);
    if (session?.id === importId) drop(ctx, session);
    return null;
  },
};
