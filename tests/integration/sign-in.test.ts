import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_MS } from '../../electron/operators/throttle';
import { ADMIN, testCore, withAdministrator, type TestCore } from '../support/core';

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
  });

  it('ends the session when the operator no longer exists', async () => {
    t = testCore();
    await withAdministrator(t);
    t.core.host.database().sqlite.exec('DELETE FROM operators');
    expect((await t.fail('clients.list', {})).code).toBe('UNAUTHENTICATED');
    expect(await t.ok('session.current')).toBeNull();
  });
});
