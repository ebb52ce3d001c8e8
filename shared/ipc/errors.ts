import { z } from 'zod';

/** The only error codes that cross IPC; the UI turns each into words. */
export const errorCodes = ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'INTERNAL'] as const;
export type ErrorCode = (typeof errorCodes)[number];

const messageParams = z.record(z.string(), z.union([z.string(), z.number()]));

export const fieldIssue = z.object({
  /** Dotted path into the input, e.g. "email" or "rows.3.name". */
  path: z.string(),
  /** i18n key in the renderer's catalogue, with its parameters. */
  key: z.string(),
  params: messageParams.optional(),
  /** English text, for logs and for keys a renderer does not know. */
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssue>;

export const ipcError = z.object({
  code: z.enum(errorCodes),
  key: z.string(),
  params: messageParams.optional(),
  message: z.string(),
  fields: z.array(fieldIssue).optional(),
  /** Milliseconds until a refused request may be tried again (sign-in throttling). */
  retryAfterMs: z.number().int().nonnegative().optional(),
});
export type IpcError = z.infer<typeof ipcError>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };
