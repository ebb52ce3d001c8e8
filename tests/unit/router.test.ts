import { describe, expect, it } from 'vitest';
import type { HandlerContext, Handlers } from '../../electron/app/context';
import { handlers } from '../../electron/app/handlers';
import { createRouter, originOf } from '../../electron/app/router';

const sender = { url: 'app://workspace/index.html', isMainFrame: true };
const context = () => ({ operator: null }) as unknown as HandlerContext;

function routerWith(info: () => unknown) {
  const logged: string[] = [];
  const dispatch = createRouter({
    handlers: { ...handlers, 'app.info': info } as Handlers,
    workspaceOrigin: 'app://workspace',
    context,
    log: (_l, message) => void logged.push(message),
  });
  return { dispatch, logged };
}

describe('router', () => {
  it('accepts the app:// origin Electron serves the UI from', async () => {
    expect(originOf('app://workspace/index.html')).toBe('app://workspace');
    const { dispatch } = routerWith(() => ({ version: '1', shell: 'electron', canBrowseFiles: true }));
    expect(await dispatch(sender, 'app.info', undefined)).toEqual({ ok: true, value: { version: '1', shell: 'electron', canBrowseFiles: true } });
  });

  it('strips what a handler returns beyond the contract', async () => {
    const { dispatch } = routerWith(() => ({ version: '1', shell: 'electron', canBrowseFiles: false, passwordHash: 'scrypt$…' }));
    expect(await dispatch(sender, 'app.info', undefined)).toEqual({ ok: true, value: { version: '1', shell: 'electron', canBrowseFiles: false } });
  });

  it('reports a handler that breaks the contract as INTERNAL, not as the caller’s mistake', async () => {
    const { dispatch } = routerWith(() => ({ version: 1 }));
    const result = await dispatch(sender, 'app.info', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('turns a thrown handler into an answer, never a rejection', async () => {
    const { dispatch } = routerWith(() => {
      throw new TypeError('boom');
    });
    await expect(dispatch(sender, 'app.info', undefined)).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('logs calls from foreign frames', async () => {
    const { dispatch, logged } = routerWith(() => ({ version: '1', shell: 'electron', canBrowseFiles: false }));
    await dispatch({ url: 'https://evil.example/', isMainFrame: true }, 'app.info', undefined);
    expect(logged.join()).toContain('evil.example');
  });
});
