import type { HandlerContext, RecordAudit } from '../app/context';
import { AppError } from '../app/errors';
import type { Actor } from '../audit/repository';
import type { Queryable, WorkspaceDb } from '../db/open';
import { decoyHash, verifyPassword } from './passwords';
import { clearSignInThrottle, giveBackSignInAttempt, reserveSignInAttempt, setSignInRetryAt, signInThrottleOf } from './repository';
import type { ThrottleKind } from './schema';
import { FORGET_AFTER_MS, LOCK_AFTER_FAILURES, sourceWaitAfterFailures, waitAfterFailures } from './throttle';

/** A wait that refuses an attempt: whose count it is, how far it went, how long is left. */
interface Wait {
  kind: ThrottleKind;
  failures: number;
  waitMs: number;
}

function refusal({ kind, failures, waitMs }: Wait): AppError {
  const extra = (params: Record<string, number>) => ({ params, retryAfterMs: waitMs });
  if (kind === 'account' && failures >= LOCK_AFTER_FAILURES) {
    return new AppError('UNAUTHENTICATED', 'signIn.locked', 'Too many failed attempts: sign-in with this e-mail is locked for a while.', extra({ minutes: Math.ceil(waitMs / 60_000) }));
  }
  if (kind === 'source' && waitMs >= 60_000) {
    return new AppError('UNAUTHENTICATED', 'signIn.paused', 'Too many failed sign-ins from here: sign-in is paused for a while.', extra({ minutes: Math.ceil(waitMs / 60_000) }));
  }
  return new AppError('UNAUTHENTICATED', 'signIn.wait', 'Too many attempts. Please wait before trying again.', extra({ seconds: Math.ceil(waitMs / 1000) }));
}

/** Thrown inside the reservation to roll it back: an attempt refused unchecked counts nowhere. */
class StillWaiting {
  constructor(readonly wait: Wait) {}
}

interface Reservation {
  accountKey: string;
  /** This account's failures in a row from this source, this attempt included. */
  failures: number;
  /** The longer of the two waits this attempt started, should it fail, and when it ends. */
  wait: Wait;
  retryAt: number;
}

/**
 * Counts the attempt as a failure and starts the wait that failure earns,
 * before the password is checked, in one transaction: per account and source,
 * and per source. The conditional writes decide, so parallel attempts get no
 * more checks than sequential ones. Throttle bookkeeping, not a change to the
 * workspace: it writes no audit row (a burst would write one per attempt); the
 * checked attempts are audited.
 */
function reserve(db: WorkspaceDb, key: string, source: string, now: number): Reservation | StillWaiting {
  const accountKey = JSON.stringify([key, source]);
  const stillWaiting = (tx: Queryable, kind: ThrottleKind, rowKey: string) => {
    // The row exists: the reservation found it waiting.
    const row = signInThrottleOf(tx, kind, rowKey)!;
    return new StillWaiting({ kind, failures: row.failures, waitMs: row.retryAt - now });
  };
  try {
    return db.transaction(
      (tx) => {
        const failures = reserveSignInAttempt(tx, 'account', accountKey, now, now - FORGET_AFTER_MS.account);
        if (failures === null) throw stillWaiting(tx, 'account', accountKey);
        const sourceFailures = reserveSignInAttempt(tx, 'source', source, now, now - FORGET_AFTER_MS.source);
        if (sourceFailures === null) throw stillWaiting(tx, 'source', source);
        const accountWait = waitAfterFailures(failures);
        const sourceWait = sourceWaitAfterFailures(sourceFailures);
        setSignInRetryAt(tx, 'account', accountKey, now + accountWait);
        setSignInRetryAt(tx, 'source', source, now + sourceWait);
        const wait: Wait =
          sourceWait > accountWait ? { kind: 'source', failures: sourceFailures, waitMs: sourceWait } : { kind: 'account', failures, waitMs: accountWait };
        return { accountKey, failures, wait, retryAt: now + wait.waitMs };
      },
      { behavior: 'immediate' },
    );
  } catch (error) {
    if (error instanceof StillWaiting) return error;
    throw error;
  }
}

export interface PasswordAccount {
  id: number;
  name: string;
  passwordHash: string | null;
}

/**
 * A password check under the throttle (throttle.ts), the outcome audited when
 * the password was checked. Operators and client users sign in through it;
 * `key` names the account whose attempts count together, `source` where the
 * attempt comes from. An unknown account costs as long as a wrong password;
 * `account` is looked up only once the throttle lets the attempt through.
 * A failure is recorded as the account's (`actorOf`, an operator or a client
 * user), or as an anonymous caller's where no account matches. Throws the refusal.
 */
export async function throttledSignIn(
  ctx: HandlerContext,
  attempt: { key: string; source: string; email: string; password: string; clientId?: number; account: () => PasswordAccount | undefined; actorOf: (account: PasswordAccount) => Actor },
  onSuccess: (tx: Queryable, audit: RecordAudit, account: PasswordAccount) => void,
): Promise<PasswordAccount> {
  const reserved = reserve(ctx.workspace().db, attempt.key, attempt.source, ctx.now());
  if (reserved instanceof StillWaiting) throw refusal(reserved.wait);

  const account = attempt.account();
  const valid = await verifyPassword(attempt.password, account?.passwordHash ?? (await decoyHash()));
  const now = ctx.now();
  if (!account || !valid) {
    const { failures, wait, retryAt } = reserved;
    // Only checked attempts are audited: a burst refused unchecked leaves its count, not a row each.
    ctx.write((_tx, audit) =>
      audit({
        action: 'session.signInFailed',
        clientId: attempt.clientId ?? null,
        summary: `Failed sign-in (${failures} in a row)`,
        after: { failures, source: attempt.source, ...(retryAt > now && { retryAt }) },
        actor: account ? attempt.actorOf(account) : { kind: 'anonymous', name: attempt.email },
      }),
    );
    if (retryAt > now) throw refusal({ ...wait, waitMs: retryAt - now });
    throw new AppError('UNAUTHENTICATED', 'signIn.wrong', 'That e-mail and password do not match.');
  }
  ctx.write((tx, audit) => {
    clearSignInThrottle(tx, 'account', reserved.accountKey);
    giveBackSignInAttempt(tx, 'source', attempt.source, (failures) => now + sourceWaitAfterFailures(failures));
    onSuccess(tx, audit, account);
  });
  return account;
}
