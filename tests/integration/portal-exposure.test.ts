import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startPortal, type ClientUserPortal, type PortalBackend } from '../../electron/portal/server';
import { testCore, withDemo, type TestCore } from '../support/core';

let t: TestCore;
afterEach(() => t?.dispose());

/** One request with the Host header a browser would send after DNS rebinding (fetch keeps its own). */
function send(origin: string, method: 'GET' | 'POST', path: string, headers: Record<string, string> = {}, body = ''): Promise<{ status: number; body: string }> {
  const url = new URL(path, origin);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function portal() {
  t = testCore();
  await withDemo(t);
  return (await t.core.impersonation.ready()).portal;
}

describe('the built-in portal answers only its own host', () => {
  const routes: ['GET' | 'POST', string][] = [
    ['GET', '/'],
    ['GET', '/dashboard'],
    ['GET', '/users'],
    ['GET', '/settings'],
    ['GET', '/sso?token=x'],
    ['GET', '/session/status'],
    ['GET', '/invite/x'],
    ['GET', '/clients/1/sign-in'],
    ['GET', '/reseller'],
    ['GET', '/.well-known/jwks.json'],
    ['GET', '/assets/portal.css'],
    ['GET', '/assets/portal.js'],
    ['GET', '/no/such/page'],
    ['POST', '/return'],
    ['POST', '/session/extend'],
    ['POST', '/invite/x'],
    ['POST', '/clients/1/sign-in'],
    ['POST', '/reseller/sign-in'],
    ['POST', '/sign-out'],
  ];

  it('refuses every route, GET and POST, asked for under another Host (DNS rebinding)', async () => {
    const { origin } = await portal();
    const { host: own, port } = new URL(origin);
    const before = (await t.ok('audit.list', {})).total;
    for (const host of [`rebind.attacker.example:${port}`, `localhost:${port}`, '127.0.0.1', `127.0.0.1.attacker.example:${port}`]) {
      for (const [method, path] of routes) {
        // The rebinding page's own origin is what the browser sends: hono's CSRF check alone lets it through.
        const headers = { host, origin: `http://${host}`, 'content-type': 'application/x-www-form-urlencoded' };
        const answer = await send(origin, method, path, headers, method === 'POST' ? 'email=demo%40reseller-desk.test&password=demo-password' : '');
        expect(answer.status, `${method} ${path} as ${host}`).toBe(421);
        expect(answer.body).not.toMatch(/GmbH|Ltd|sign in|anmelden|keys/i);
      }
    }
    expect((await t.ok('audit.list', {})).total).toBe(before);
    // The portal's own host is still served, in any letter case.
    expect((await send(origin, 'GET', '/assets/portal.css', { host: own })).status).toBe(200);
    expect((await send(origin, 'GET', '/.well-known/jwks.json', { host: own.toUpperCase() })).status).toBe(200);
  });

  it('takes the hosts it answers as a parameter, for a portal served under a public name', async () => {
    const served = await startPortal({} as PortalBackend, {} as ClientUserPortal, 0, ['portal.example.test']);
    try {
      expect((await send(served.origin, 'GET', '/assets/portal.css', { host: 'portal.example.test' })).status).toBe(200);
      expect((await send(served.origin, 'GET', '/assets/portal.css', { host: new URL(served.origin).host })).status).toBe(421);
    } finally {
      await served.stop();
    }
  });
});
