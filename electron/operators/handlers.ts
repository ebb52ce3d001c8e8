import type { OperatorSession } from '../../shared/operators';
import type { HandlerContext, HandlersOf, SignedInOperator } from '../app/context';
import { operatorActor } from '../audit/repository';
import { findOperatorByEmail, loadSignedInOperator, recordSignIn } from './repository';
import { throttledSignIn } from './sign-in';
import { DESKTOP_SOURCE } from './throttle';

export function toSession(operator: SignedInOperator): OperatorSession {
  return {
    operator: { id: operator.id, email: operator.email, displayName: operator.displayName, role: operator.role },
    permissions: [...operator.permissions],
  };
}

/**
 * Signs the operator in for this window and returns what the UI needs about
 * them. Signing in over someone else signs them out: their windows end, audited.
 */
export async function startSession(ctx: HandlerContext, operatorId: number): Promise<OperatorSession> {
  const operator = loadSignedInOperator(ctx.workspace().db, operatorId);
  if (!operator) throw new Error(`operator ${operatorId} vanished while signing in`);
  const previous = ctx.operator;
  if (previous && previous.id !== operatorId) {
    ctx.write((_tx, audit) =>
      audit({ action: 'session.signedOut', summary: `Signed out: ${operator.displayName} signed in on this desk`, actor: operatorActor(previous) }),
    );
  }
  ctx.session.signIn(operatorId);
  await ctx.impersonation.signedIn(operatorId);
  return toSession(operator);
}

/** An operator's sign-in from `source` (throttle.ts): the throttled check, the time recorded, `success` the audit entry. */
export async function authenticate(
  ctx: HandlerContext,
  { email, password }: { email: string; password: string },
  success: { action: string; summary: string },
  source: string,
): Promise<{ id: number; displayName: string }> {
  const account = await throttledSignIn(
    ctx,
    {
      key: email,
      source,
      email,
      password,
      account: () => {
        const found = findOperatorByEmail(ctx.workspace().db, email);
        return found && { id: found.id, name: found.displayName, passwordHash: found.passwordHash };
      },
      // A failed attempt is named by the e-mail it was made with.
      actorOf: ({ id }) => ({ kind: 'operator', id, name: email }),
    },
    (tx, audit, { id, name }) => {
      recordSignIn(tx, id, ctx.now());
      audit({ ...success, actor: operatorActor({ id, displayName: name }) });
    },
  );
  return { id: account.id, displayName: account.name };
}

export const sessionHandlers: HandlersOf<'session.current' | 'session.signIn' | 'session.signOut'> = {
  'session.current': (_input, ctx) => (ctx.operator ? toSession(ctx.operator) : null),

  'session.signIn': async (credentials, ctx) =>
    startSession(ctx, (await authenticate(ctx, credentials, { action: 'session.signedIn', summary: 'Signed in' }, DESKTOP_SOURCE)).id),

  'session.signOut': async (_input, ctx) => {
    // Nothing the operator opened stays open after they leave, their reseller portal included.
    await ctx.impersonation.signedOut(ctx.operator.id);
    ctx.write((_tx, audit) => audit({ action: 'session.signedOut', summary: 'Signed out' }));
    ctx.session.signOut();
    return null;
  },
};
