import type { Context } from 'hono';
import { z } from 'zod';
import { operatorPassword, signIn } from '../../shared/operators';

/** Above this a request's body is refused before it is read: the portal's forms carry a few short fields. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** Signing in to a client's portal (and the reseller's own): the desk's sign-in rules. */
export const signInForm = signIn;

/** Choosing a password through an invitation: the operators' password rule, typed twice (whether alike is told apart). */
export const invitationForm = z.strictObject({ password: operatorPassword, repeat: z.string().max(256) });

/** Forms that carry only their page's token (return, sign out). */
export const tokenForm = z.strictObject({ _csrf: z.string().max(64) });

/** The posted form checked against its schema; null for anything else (a stray field, a file, an unreadable body). */
export async function readForm<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T> | null> {
  let body: unknown;
  try {
    body = { ...(await c.req.parseBody()) };
  } catch {
    return null;
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data : null;
}
