/**
 * Sign-in throttling per e-mail address: two free mistakes, then a wait that
 * doubles with each further failure (2 s … 32 s), and from the eighth failure a
 * 15-minute lock. Attempts during a wait are refused without checking the password.
 */
export const LOCK_AFTER_FAILURES = 8;
export const LOCK_MS = 15 * 60 * 1000;

export function waitAfterFailures(failures: number): number {
  if (failures < 3) return 0;
  if (failures >= LOCK_AFTER_FAILURES) return LOCK_MS;
  return 2 ** (failures - 2) * 1000;
}
