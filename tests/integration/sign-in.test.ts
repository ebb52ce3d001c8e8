import { afterEach, describe, expect, it, vi } from 'vitest';
import { authenticate } from '../../electron/operators/handlers';
import { LOCK_MS } from '../../electron/operators/throttle';
import { ADMIN, testCore, withAdministrator, type TestCore } from '../support/core';

/** Every password check, counted: a throttle must refuse before hashing, not after. */
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../electron/operators/passwords', async (original) => {
  const real = await original<typeof import('../../electron/operators/passwords')>();
  return { ...real, verifyPassword: (password: string, stored: string) => (checks.count++, real.verifyPassword(password, stored)) };
});

let t: TestCore;
afterEach(() => t?.dispose());

const wrong = { email: ADMIN.email, password: 'not the password' };
const right = { email: ADMIN.email, password: ADMIN.password };

async function signedOutAdmin(): Promise<TestCore> {
  t = testCore();
  await withAdministrator(t);
  await t.ok('session.signOut');
  return t;
}

describe('sign-in', () => {
  it('refuses a wrong password with the same words as an unknown e-mail', async () => {
    await signedOutAdmin();
    const badPassword = await t.fail('session.signIn', wrong);
    const unknown = await t.fail('session.signIn', { email: 'nobody@example.com', password: 'whatever123' });
    expect(badPassword).toMatchObject({ code: 'UNAUTHENTICATED', key: 'signIn.wrong' });
    expect(unknown).toEqual(badPassword);
    expect(await t.ok('session.current')).toBeNull();
  });

  it('treats the e-mail case-insensitively and trims it', async () => {
    await signedOutAdmin();
    const session = await t.ok('session.signIn', { email: '  ADA@Example.COM ', password: ADMIN.password });
    expect(session.operator.email).toBe(ADMIN.email);
  });

  it('makes the operator wait longer after each further failure, then locks', async () => {
    await signedOutAdmin();
    expect((await t.fail('session.signIn', wrong)).key).toBe('signIn.wrong');
    expect((await t.fail('session.signIn', wrong)).key).toBe('signIn.wrong');
    const third = await t.fail('session.signIn', wrong);
    expect(third).toMatchObject({ key: 'signIn.wait', retryAfterMs: 2000, params: { seconds: 2 } });

    // During the wait even the right password is refused, unchecked.
    const early = await t.fail('session.signIn', right);
    expect(early).toMatchObject({ key: 'signIn.wait', retryAfterMs: 2000 });

    let wait = 2000;
    for (let failures = 4; failures < 8; failures++) {
      t.clock.now += wait;
      const error = await t.fail('session.signIn', wrong);
      expect(error.retryAfterMs).toBe(wait * 2);
      wait *= 2;
    }
    t.clock.now += wait;
    const locked = await t.fail('session.signIn', wrong);
    expect(locked).toMatchObject({ key: 'signIn.locked', retryAfterMs: LOCK_MS, params: { minutes: 15 } });
    t.clock.now += LOCK_MS - 1000;
    expect((await t.fail('session.signIn', right)).key).toBe('signIn.locked');

    t.clock.now += 1000;
    await t.ok('session.signIn', right);
    // Success starts the count afresh.
    await t.ok('session.signOut');
    expect((await t.fail('session.signIn', wrong)).key).toBe('signIn.wrong');
  });

  it('throttles unknown e-mails too, so probing for accounts gains nothing', async () => {
    await signedOutAdmin();
    const probe = { email: 'ghost@example.com', password: 'guess-guess' };
    await t.fail('session.signIn', probe);
    await t.fail('session.signIn', probe);
    expect((await t.fail('session.signIn', probe)).key).toBe('signIn.wait');
  });

  it('keeps the failure count across a restart', async () => {
    await signedOutAdmin();
    for (let i = 0; i < 3; i++) await t.fail('session.signIn', wrong);
    t = await t.restart();
    expect((await t.fail('session.signIn', right)).key).toBe('signIn.wait');
  });

  it('audits sign-in, failures and sign-out', async () => {
    await signedOutAdmin();
    await t.fail('session.signIn', wrong);
    await t.ok('session.signIn', right);
    await t.ok('session.signOut');
    await t.ok('session.signIn', right);
    const actions = (await t.ok('audit.list', {})).rows.map((r) => [r.action, r.actorKind, r.actor]);
    expect(actions.slice(0, 4)).toEqual([
      ['session.signedIn', 'operator', ADMIN.displayName],
      ['session.signedOut', 'operator', ADMIN.displayName],
      ['session.signedIn', 'operator', ADMIN.displayName],
      ['session.signInFailed', 'operator', ADMIN.email],
    ]);
    const failed = (await t.ok('audit.list', {})).rows.find((r) => r.action === 'session.signInFailed');
    expect(failed?.after).toEqual({ failures: 1, source: 'desktop' });
  });

  it('checks at most three of 40 parallel attempts and refuses the right password among them unchecked', async () => {
    await signedOutAdmin();
    checks.count = 0;
    const attempts = Array.from({ length: 40 }, (_, i) => (i === 20 ? right : { ...wrong, password: `guess number ${i}` }));
    const results = await Promise.all(attempts.map((attempt) => t.call('session.signIn', attempt)));

    expect(results.filter((r) => r.ok)).toEqual([]);
    const checked = checks.count;
    expect(checked).toBeLessThanOrEqual(3);
    expect(results[20]).toMatchObject({ ok: false, error: { key: 'signIn.wait' } });
    expect(await t.ok('session.current')).toBeNull();
    // Only the checked attempts are in the audit, not one row per refused one.
    t.clock.now += LOCK_MS;
    await t.ok('session.signIn', right);
    const failed = (await t.ok('audit.list', {})).rows.filter((r) => r.action === 'session.signInFailed');
    expect(failed.length).toBe(checked);
  });

  it('keeps the operator signing in on the desktop while another source bursts at their account', async () => {
    await signedOutAdmin();
    const portalCaller = '198.51.100.7';
    const success = { action: 'session.signedIn', summary: 'Signed in' };
    const burst = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => authenticate(t.core.context(), { email: ADMIN.email, password: `guess number ${i}` }, success, portalCaller)),
    );
    expect(burst.every((r) => r.status === 'rejected')).toBe(true);

    const session = await t.ok('session.signIn', right);
    expect(session.operator.email).toBe(ADMIN.email);
    // The source that burst stays throttled, even with the right password.
    await expect(authenticate(t.core.context(), right, success, portalCaller)).rejects.toMatchObject({ key: 'signIn.wait' });
  });

  it('pauses a desktop that tries many accounts, but never for its own successful sign-ins', async () => {
    await signedOutAdmin();
    for (let i = 0; i < 20; i++) expect((await t.fail('session.signIn', { email: `someone${i}@example.com`, password: 'Sommer2026!' })).key).toBe('signIn.wrong');
    // A success gives its attempt back: signing in again and again stays possible.
    for (let i = 0; i < 2; i++) {
      await t.ok('session.signIn', right);
      await t.ok('session.signOut');
    }
    // Further failures on any account double the source's wait; from a minute on, the words say minutes.
    let wait = 2000;
    for (let i = 20; i < 25; i++) {
      expect(await t.fail('session.signIn', { email: `someone${i}@example.com`, password: 'Sommer2026!' })).toMatchObject({ key: 'signIn.wait', retryAfterMs: wait });
      t.clock.now += wait;
      wait *= 2;
    }
    const paused = await t.fail('session.signIn', { email: 'someone-else@example.com', password: 'Sommer2026!' });
    expect(paused).toMatchObject({ key: 'signIn.paused', retryAfterMs: 64_000, params: { minutes: 2 } });
    expect(await t.fail('session.signIn', right)).toMatchObject({ key: 'signIn.paused', retryAfterMs: 64_000 });
  }, 60_000);

  it('ends the session when the operator no longer exists', async () => {
    t = testCore();
    await withAdministrator(t);
    t.core.host.database().sqlite.exec('DELETE FROM operators');
    expect((await t.fail('clients.list', {})).code).toBe('UNAUTHENTICATED');
    expect(await t.ok('session.current')).toBeNull();
  });
});
