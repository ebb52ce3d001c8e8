import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, jwtVerify } from 'jose';

/**
 * A second, independent portal, as an external platform would write one: it
 * knows nothing of Reseller Desk but the JWKS address and the issuer, and
 * verifies each login token through them (signature, issuer, audience = its
 * own origin, lifetime, single use) — and, as a platform may choose to, that the
 * request comes from the window the token is bound to (`cnf`, X-RD-Window).
 */
export async function startExternalPortal(trust: { jwksUrl: string; issuer: string }) {
  const keys = createRemoteJWKSet(new URL(trust.jwksUrl));
  const used = new Set<string>();
  const sessions = new Map<string, string>();
  const refused: string[] = [];
  let origin = '';
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === '/sso') {
      try {
        const { payload } = await jwtVerify(url.searchParams.get('token') ?? '', keys, { issuer: trust.issuer, audience: origin, algorithms: ['EdDSA'], maxTokenAge: '60s' });
        const bound = (payload.cnf as Record<string, unknown> | undefined)?.['x-rd-window#S256'];
        const secret = request.headers['x-rd-window'];
        if (typeof bound === 'string' && (typeof secret !== 'string' || createHash('sha256').update(secret).digest('base64url') !== bound)) throw new Error('unbound');
        if (!payload.jti || used.has(payload.jti)) throw new Error('replayed');
        used.add(payload.jti);
        const id = crypto.randomUUID();
        sessions.set(id, `${payload.sub} as ${String(payload.view)}, acting ${String((payload.act as { name: string }).name)}`);
        response.writeHead(303, { location: '/home', 'set-cookie': `ext=${id}; HttpOnly; SameSite=Strict; Path=/` });
        return response.end();
      } catch (error) {
        refused.push((error as Error).message);
        response.writeHead(403, { 'content-type': 'text/plain' });
        return response.end('refused');
      }
    }
    const cookie = /ext=([\w-]+)/.exec(request.headers.cookie ?? '')?.[1];
    const who = cookie && sessions.get(cookie);
    response.writeHead(who ? 200 : 401, { 'content-type': 'text/html' });
    response.end(who ? `<h1>External portal</h1><p id="who">${who}</p>` : 'sign in first');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, refused, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
