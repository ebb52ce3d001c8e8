import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, invalidField, toIpcError } from '../../electron/app/errors';
import { ipcError } from '../../shared/ipc/errors';
import { signIn } from '../../shared/operators';

const logged: unknown[] = [];
const log = (_level: string, _message: string, detail?: unknown) => void logged.push(detail);

function zodFailure(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) throw new Error('expected a failure');
  return toIpcError(result.error, log);
}

describe('errors crossing IPC', () => {
  it('names the field and the rule for each zod issue', () => {
    const schema = z.strictObject({ name: z.string().min(1).max(5), age: z.number().max(9), kind: z.enum(['a', 'b']), mail: z.email() });
    const error = zodFailure(schema, { name: 'toolong', age: 12, kind: 'c', mail: 'nope', extra: 1 });
    expect(error.code).toBe('VALIDATION');
    expect(error.fields!.map((f) => [f.path, f.key, f.params])).toEqual([
      ['name', 'validation.tooLong', { maximum: 5 }],
      ['age', 'validation.tooLarge', { maximum: 9 }],
      ['kind', 'validation.choice', { options: 'a, b' }],
      ['mail', 'validation.email', { format: 'email' }],
      ['extra', 'validation.unknownField', undefined],
    ]);
  });

  it('tells a missing field from one of the wrong type', () => {
    expect(zodFailure(signIn, { password: 'x' }).fields).toEqual([expect.objectContaining({ path: 'email', key: 'validation.required' })]);
    expect(zodFailure(signIn, { email: 5, password: 'x' }).fields).toEqual([
      expect.objectContaining({ path: 'email', key: 'validation.type', params: { expected: 'string' } }),
    ]);
    expect(zodFailure(signIn, { email: 'a@b.co', password: '' }).fields).toEqual([expect.objectContaining({ path: 'password', key: 'validation.required' })]);
  });

  it('passes an AppError through with its key, parameters and fields', () => {
    const error = toIpcError(invalidField('email', 'operators.emailTaken', 'taken', { email: 'a@b.co' }), log);
    expect(error).toEqual({
      code: 'VALIDATION',
      key: 'errors.validation',
      message: 'Some fields need attention.',
      fields: [{ path: 'email', key: 'operators.emailTaken', message: 'taken', params: { email: 'a@b.co' } }],
    });
    expect(ipcError.parse(toIpcError(new AppError('CONFLICT', 'x.y', 'm', { retryAfterMs: 5 }), log))).toMatchObject({ retryAfterMs: 5 });
  });

  it('hides anything unexpected behind a reference and logs the real error', () => {
    logged.length = 0;
    const secret = new Error('SQLITE_ERROR: no such table: operators at /home/me/app.ts:12');
    const error = toIpcError(secret, log);
    expect(error).toEqual({ code: 'INTERNAL', key: 'errors.internal', params: { ref: expect.stringMatching(/^[0-9a-f]{8}$/) }, message: expect.stringContaining(String(error.params!.ref)) });
    expect(JSON.stringify(error)).not.toContain('SQLITE');
    expect(logged).toContain(secret);
  });
});
