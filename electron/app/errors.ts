import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ErrorCode, FieldIssue, IpcError } from '../../shared/ipc/errors';

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
      fields: error.issues.flatMap(fieldIssues),
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

function fieldIssues(issue: z.core.$ZodIssue): FieldIssue[] {
  const path = issue.path.map(String).join('.');
  const at = (p: string, key: string, params?: Params): FieldIssue => ({ path: p, key, message: issue.message, ...(params && { params }) });
  // The router parses with reportInput, so an absent value shows as such whatever rule it failed.
  if ('input' in issue && issue.input === undefined && issue.code !== 'unrecognized_keys') return [at(path, 'validation.required')];
  switch (issue.code) {
    case 'invalid_type':
      return [at(path, 'validation.type', { expected: issue.expected })];
    case 'too_small':
      if (issue.origin === 'string') {
        return [at(path, Number(issue.minimum) <= 1 ? 'validation.required' : 'validation.tooShort', { minimum: Number(issue.minimum) })];
      }
      return [at(path, 'validation.tooSmall', { minimum: Number(issue.minimum) })];
    case 'too_big':
      return [at(path, issue.origin === 'string' ? 'validation.tooLong' : 'validation.tooLarge', { maximum: Number(issue.maximum) })];
    case 'invalid_format':
      return [at(path, issue.format === 'email' ? 'validation.email' : 'validation.format', { format: issue.format })];
    case 'invalid_value':
      return [at(path, 'validation.choice', { options: issue.values.map(String).join(', ') })];
    case 'unrecognized_keys':
      return issue.keys.map((key) => at(path ? `${path}.${key}` : key, 'validation.unknownField'));
    case 'custom':
      // Rules from shared/limits.ts `rule` carry their own message key.
      return [at(path, typeof issue.params?.key === 'string' ? issue.params.key : 'validation.invalid')];
    default:
      return [at(path, 'validation.invalid')];
  }
}
