import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../electron/operators/passwords';
import { LOCK_AFTER_FAILURES, LOCK_MS, SOURCE_MAX_WAIT_MS, sourceWaitAfterFailures, waitAfterFailures } from '../../electron/operators/throttle';

describe('operator passwords', () => {
  it('verifies the right password only, with a fresh salt per hash', async () => {
    const a = await hashPassword('Grüße aus Köln 2026');
    const b = await hashPassword('Grüße aus Köln 2026');
    expect(a).not.toBe(b);
    expect(await verifyPassword('Grüße aus Köln 2026', a)).toBe(true);
    expect(await verifyPassword('grüße aus köln 2026', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('treats the same text in either Unicode form as the same password', async () => {
    const composed = 'Müller-Straße';
    const decomposed = composed.normalize('NFD');
    expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
  });

  it('rejects stored values it does not understand', async () => {
    expect(await verifyPassword('x', 'plain-text-password')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$2$a$b$c')).toBe(false);
  });
});

describe('sign-in throttling policy', () => {
  it('allows two mistakes, then doubles the wait, then locks', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(waitAfterFailures)).toEqual([0, 0, 2000, 4000, 8000, 16000, 32000]);
    expect(waitAfterFailures(LOCK_AFTER_FAILURES)).toBe(LOCK_MS);
    expect(waitAfterFailures(50)).toBe(LOCK_MS);
  });

  it('lets a source fail twenty times on any accounts, then doubles its wait up to a ceiling', () => {
    expect([1, 20, 21, 22, 25].map(sourceWaitAfterFailures)).toEqual([0, 0, 2000, 4000, 32000]);
    expect(sourceWaitAfterFailures(30)).toBe(SOURCE_MAX_WAIT_MS);
    expect(sourceWaitAfterFailures(5000)).toBe(SOURCE_MAX_WAIT_MS);
  });
});
