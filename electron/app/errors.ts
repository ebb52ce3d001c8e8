import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ErrorCode, FieldIssue, IpcError } from '../../shared/ipc/errors';
import { zodFieldIssues } from '../../shared/ipc/field-issues';

type Params = Record<string, string | number>;

/**
 * An error the operator should read. `key` names the message in the renderer's
 * translations; `message` is the English text for logs and unknown keys.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: string,
    message: string,
    readonly extra: { params?: Params; fields?: FieldIssue[]; retryAfterMs?: number } = {},
  ) {
    super(message);
  }
}

export const notFound = (key: string, message: string, params?: Params) =>
  new AppError('NOT_FOUND', key, message, { params });
export const forbidden = (key: string, message: string, params?: Params) =>
  new AppError('FORBIDDEN', key, message, { params });
export const conflict = (key: string, message: string, params?: Params) =>
  new AppError('CONFLICT', key, message, { params });

/** One field error, for rules zod cannot express (a taken e-mail, say). */
export const invalidField = (path: string, key: string, message: string, params?: Params) =>
  new AppError('VALIDATION', 'errors.validation', 'Some fields need attention.', {
    fields: [{ path, key, message, params }],
  });

export type Log = (level: 'info' | 'warn' | 'error', message: string, detail?: unknown) => void;

/** Turns anything thrown into what may cross IPC: no stack, no SQL, no paths of ours. */
export function toIpcError(error: unknown, log: Log): IpcError {
  if (error instanceof AppError) {
    return {
      code: error.code,
      key: error.key,
      message: error.message,
      ...(error.extra.params && { params: error.extra.params }),
      ...(error.extra.fields && { fields: error.extra.fields }),
      ...(error.extra.retryAfterMs !== undefined && { retryAfterMs: error.extra.retryAfterMs }),
    };
  }
  if (error instanceof z.ZodError) {
    return {
      code: 'VALIDATION',
      key: 'errors.validation',
      message: 'Some fields need attention.',
      fields: zodFieldIssues(error),
    };
  }
  const ref = randomBytes(4).toString('hex');
  log('error', `internal error ref ${ref}`, error);
  return {
    code: 'INTERNAL',
    key: 'errors.internal',
    params: { ref },
    message: `Something went wrong. The log has the details (reference ${ref}).`,
  };
}
