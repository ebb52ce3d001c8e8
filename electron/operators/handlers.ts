import type { OperatorSession } from '../../shared/operators';
import type { HandlerContext, HandlersOf, SignedInOperator } from '../app/context';
import { AppError } from '../app/errors';
import { decoyHash, verifyPassword } from './passwords';
import {
  addSignInFailure,
  clearSignInFailures,
  findOperatorByEmail,
  loadSignedInOperator,
  recordSignIn,
  signInFailuresOf,
} from './repository';
import { LOCK_AFTER_FAILURES, waitAfterFailures } from './throttle';

export function toSession(operator: SignedInOperator): OperatorSession {
  return {
    operator: { id: operator.id, email: operator.email, displayName: operator.displayName, role: operator.role },
    permissions: [...operator.permissions],
  };
}

/** Signs the operator in for this window and returns what the UI needs about them. */
export function startSession(ctx: HandlerContext, operatorId: number): OperatorSession {
  const operator = loadSignedInOperator(ctx.workspace().db, operatorId);
  if (!operator) throw new Error(`operator ${operatorId} vanished while signing in`);
  ctx.session.signIn(operatorId);
  return toSession(operator);
}

function refusal(waitMs: number, failures: number): AppError {
  if (failures >= LOCK_AFTER_FAILURES) {
    return new AppError('UNAUTHENTICATED', 'signIn.locked', 'Too many failed attempts: sign-in with this e-mail is locked for a while.', {
      params: { minutes: Math.ceil(waitMs / 60_000) },
      retryAfterMs: waitMs,
    });
  }
  return new AppError('UNAUTHENTICATED', 'signIn.wait', 'Too many attempts. Please wait before trying again.', {
    params: { seconds: Math.ceil(waitMs / 1000) },
    retryAfterMs: waitMs,
  });
}

/**
 * Checks an operator's e-mail and password under the per-e-mail throttle and
 * records the outcome (`success` names the audit action of a success). Throws the refusal.
 */
export async function authenticate(
  ctx: HandlerContext,
  { email, password }: { email: string; password: string },
  success: { action: string; summary: string },
): Promise<{ id: number; displayName: string }> {
  const { db } = ctx.workspace();
  const pending = signInFailuresOf(db, email);
  if (pending && pending.retryAt > ctx.now()) throw refusal(pending.retryAt - ctx.now(), pending.failures);

  const operator = findOperatorByEmail(db, email);
  const valid = await verifyPassword(password, operator?.passwordHash ?? (await decoyHash()));
  const now = ctx.now();
  if (!operator || !valid) {
    const failures = ctx.write((tx, audit) => {
      const n = addSignInFailure(tx, email, (f) => now + waitAfterFailures(f));
      audit({
        action: 'session.signInFailed',
        summary: `Failed sign-in (${n} in a row)`,
        after: { failures: n },
        actor: { id: operator?.id ?? null, name: email },
      });
      return n;
    });
    const wait = waitAfterFailures(failures);
    if (wait > 0) throw refusal(wait, failures);
    throw new AppError('UNAUTHENTICATED', 'signIn.wrong', 'That e-mail and password do not match an operator of this workspace.');
  }
  ctx.write((tx, audit) => {
    clearSignInFailures(tx, email);
    recordSignIn(tx, operator.id, now);
    audit({ ...success, actor: { id: operator.id, name: operator.displayName } });
  });
  return operator;
}

export const sessionHandlers: HandlersOf<'session.current' | 'session.signIn' | 'session.signOut'> = {
  'session.current': (_input, ctx) => (ctx.operator ? toSession(ctx.operator) : null),

  'session.signIn': async (credentials, ctx) =>
    startSession(ctx, (await authenticate(ctx, credentials, { action: 'session.signedIn', summary: 'Signed in' })).id),

  'session.signOut': async (_input, ctx) => {
    // Nothing the operator opened stays open after they leave.
    await ctx.impersonation.endAll('signed-out');
    ctx.write((_tx, audit) => audit({ action: 'session.signedOut', summary: 'Signed out' }));
    ctx.session.signOut();
    return null;
  },
};
