/**
 * Sign-in throttling, for operators and client users alike. Attempts count
 * where they come from: a *source* is the desktop's own sign-in screen
 * (`desktop`) or a portal caller's address. Every attempt is counted as a
 * failure, and its wait started, before its password is checked; a success
 * takes its own count back. Attempts during a wait are refused unchecked.
 *
 * - One account from one source: two free mistakes, then a wait that doubles
 *   with each further failure (2 s … 32 s), and from the eighth failure
 *   15 minutes each. An account is never locked for every source: a burst from
 *   elsewhere does not keep the operator off their desktop.
 * - One source, whatever accounts it tries: twenty free failures, then a wait
 *   that doubles from 2 s up to 15 minutes. A success gives back only its own
 *   attempt, so trying one's own account in between does not reset the count.
 * - An account's count is forgotten a day after its last wait ended, a
 *   source's after an hour, so a shared address (an office behind one
 *   router) is not held back for good by its users' typing mistakes.
 *
 * So 40 parallel attempts on one account get at most three password checks,
 * and a source spraying many accounts at most 21 at once; held to its waits,
 * it gets about four checks an hour, or twenty after a quiet hour.
 */
export const DESKTOP_SOURCE = 'desktop';

export const LOCK_AFTER_FAILURES = 8;
export const LOCK_MS = 15 * 60 * 1000;
export const SOURCE_FREE_FAILURES = 20;
export const SOURCE_MAX_WAIT_MS = 15 * 60 * 1000;
export const FORGET_AFTER_MS = { account: 24 * 60 * 60 * 1000, source: 60 * 60 * 1000 } as const;

/** The wait after an account's `failures`-th failure in a row from one source. */
export function waitAfterFailures(failures: number): number {
  if (failures < 3) return 0;
  if (failures >= LOCK_AFTER_FAILURES) return LOCK_MS;
  return 2 ** (failures - 2) * 1000;
}

/** The wait after a source's `failures`-th failure on any account. */
export function sourceWaitAfterFailures(failures: number): number {
  if (failures <= SOURCE_FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - SOURCE_FREE_FAILURES) * 1000, SOURCE_MAX_WAIT_MS);
}
