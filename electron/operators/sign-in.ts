import type { HandlerContext, RecordAudit } from '../app/context';
import { AppError } from '../app/errors';
import type { Actor } from '../audit/repository';
import type { Queryable } from '../db/open';
import { decoyHash, verifyPassword } from './passwords';
import { addSignInFailure, clearSignInFailures, signInFailuresOf } from './repository';
import { LOCK_AFTER_FAILURES, waitAfterFailures } from './throttle';

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

export interface PasswordAccount {
  id: number;
  name: string;
  passwordHash: string | null;
}

/**
 * A password check under the per-key throttle (two free mistakes, then a
 * doubling wait, then a lock), with the outcome audited either way. Operators
 * and client users sign in through it; `key` names whose attempts count together.
 * An unknown account costs as long as a wrong password; `account` is looked
 * up only once the throttle lets the attempt through. A failure is recorded
 * as the account's (`actorOf`, an operator or a client user), or as an
 * anonymous caller's where no account matches. Throws the refusal.
 */
export async function throttledSignIn(
  ctx: HandlerContext,
  attempt: { key: string; email: string; password: string; clientId?: number; account: () => PasswordAccount | undefined; actorOf: (account: PasswordAccount) => Actor },
  onSuccess: (tx: Queryable, audit: RecordAudit, account: PasswordAccount) => void,
): Promise<PasswordAccount> {
  const { db } = ctx.workspace();
  const pending = signInFailuresOf(db, attempt.key);
  if (pending && pending.retryAt > ctx.now()) throw refusal(pending.retryAt - ctx.now(), pending.failures);

  const account = attempt.account();
  const valid = await verifyPassword(attempt.password, account?.passwordHash ?? (await decoyHash()));
  const now = ctx.now();
  if (!account || !valid) {
    const failures = ctx.write((tx, audit) => {
      const n = addSignInFailure(tx, attempt.key, (f) => now + waitAfterFailures(f));
      audit({
        action: 'session.signInFailed',
        clientId: attempt.clientId ?? null,
        summary: `Failed sign-in (${n} in a row)`,
        after: { failures: n },
        actor: account ? attempt.actorOf(account) : { kind: 'anonymous', name: attempt.email },
      });
      return n;
    });
    const wait = waitAfterFailures(failures);
    if (wait > 0) throw refusal(wait, failures);
    throw new AppError('UNAUTHENTICATED', 'signIn.wrong', 'That e-mail and password do not match.');
  }
  ctx.write((tx, audit) => {
    clearSignInFailures(tx, attempt.key);
    onSuccess(tx, audit, account);
  });
  return account;
}
