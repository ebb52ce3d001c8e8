import { z } from 'zod';
import { channel } from './ipc/channel';
import { base64Length } from './limits';

export const IMPORT_MAX_BYTES = 25 * 1024 * 1024;
/** The renderer sends the file in pieces of at most this many bytes, in order. */
export const IMPORT_CHUNK_BYTES = 1024 * 1024;

/** What a CSV column can fill; the export writes the same columns, so a file round-trips. */
export const importFields = [
  'companyName',
  'contactName',
  'contactEmail',
  'contactPhone',
  'street',
  'postalCode',
  'city',
  'country',
  'language',
  'timeZone',
  'tags',
  'notes',
  'seatLimit',
  'features',
  'smsCredits',
  'callCredits',
] as const;
export type ImportField = (typeof importFields)[number];
export const requiredImportFields = ['companyName', 'contactName', 'contactEmail'] as const satisfies readonly ImportField[];

export const importModes = ['allOrNothing', 'skipInvalid'] as const;

const importId = z.uuid();

/** A problem in one row (spreadsheet numbering: the header is row 1). */
export const rowIssue = z.object({
  row: z.number().int().positive(),
  /** The column's header as written in the file; null for the row as a whole. */
  column: z.string().nullable(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  message: z.string(),
});
export type RowIssue = z.infer<typeof rowIssue>;

export const importColumn = z.object({
  index: z.number().int().nonnegative(),
  header: z.string(),
  /** What the column fills; null: ignored (unknown, or written by the export only, such as id and status). */
  field: z.enum(importFields).nullable(),
});

export const importPreview = z.object({
  fileName: z.string(),
  rows: z.number().int().nonnegative(),
  validRows: z.number().int().nonnegative(),
  invalidRows: z.number().int().nonnegative(),
  columns: z.array(importColumn),
  /** The first rows as they would be imported, by field. */
  sample: z.array(z.object({ row: z.number().int(), values: z.record(z.string(), z.string()) })),
  /** The first 200 problems; `errorCount` has them all. */
  errors: z.array(rowIssue),
  errorCount: z.number().int().nonnegative(),
  /** Rows that import but deserve a look (a company name already in the workspace); the first 200. */
  warnings: z.array(rowIssue),
  warningCount: z.number().int().nonnegative(),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importChannels = {
  /** Opens an import of a file of `size` bytes; a file over the limit is refused here, before any byte is sent. */
  'clients.import.begin': channel({
    input: z.strictObject({ fileName: z.string().trim().min(1).max(255), size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) }),
    output: z.object({ importId: z.string(), chunkBytes: z.number().int(), maxBytes: z.number().int() }),
    access: 'clients.import',
  }),
  /** The next piece, answered once its size and encoding are checked; it is parsed while the next one comes (`rows`: those parsed before it). */
  'clients.import.chunk': channel({
    input: z.strictObject({ importId, data: z.base64().min(1).max(base64Length(IMPORT_CHUNK_BYTES)) }),
    output: z.object({ receivedBytes: z.number().int(), rows: z.number().int() }),
    access: 'clients.import',
  }),
  /** Once every byte is in: the rows checked against the mapping (the detected one unless given). */
  'clients.import.preview': channel({
    input: z.strictObject({
      importId,
      mapping: z
        .array(z.strictObject({ index: z.number().int().nonnegative().max(999), field: z.enum(importFields).nullable() }))
        .max(1000)
        .optional(),
    }),
    output: importPreview,
    access: 'clients.import',
  }),
  /** Writes the previewed rows in one transaction: all or nothing, or only the valid ones. */
  'clients.import.commit': channel({
    input: z.strictObject({ importId, mode: z.enum(importModes) }),
    output: z.object({ imported: z.number().int().nonnegative(), skipped: z.number().int().nonnegative() }),
    access: 'clients.import',
  }),
  'clients.import.cancel': channel({ input: z.strictObject({ importId }), output: z.null(), access: 'clients.import' }),
};

export const importEvents = {
  'clients.import.progress': z.object({
    importId: z.string(),
    phase: z.enum(['reading', 'validating', 'committing', 'done']),
    /** Bytes while reading, rows afterwards. */
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
};
