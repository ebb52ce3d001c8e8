import { serve, type ServerType } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { secureHeaders } from 'hono/secure-headers';
import { createRemoteJWKSet, type JSONWebKeySet } from 'jose';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { BUILTIN_AUDIENCE, verifyLoginToken, type TokenRefusal } from '../impersonation/tokens';
import { portalScript, portalStyles } from './assets';
import { endedPage, portalPage, refusedPage, resellerPage, signInPage, type PortalSection, type PortalView } from './pages';

/** What the portal asks of the app; it holds no workspace state of its own beyond cookies. */
export interface PortalBackend {
  now(): number;
  issuer: string;
  jwks(): JSONWebKeySet;
  /** The session's page data while the session is open; null once it ended. */
  view(sessionId: string): PortalView | null;
  touch(sessionId: string): void;
  returnToReseller(sessionId: string): Promise<void>;
  extend(sessionId: string): void;
  /** A token or session the portal refused, for the audit log. */
  refused(refusal: TokenRefusal | 'replay' | 'session', detail: { clientId?: number; sessionId?: string }): void;
  /** The reseller's own sign-in ("My reseller portal"), with the workspace's throttling. */
  signInReseller(email: string, password: string): Promise<{ operatorId: number; name: string } | { refused: string }>;
  resellerOverview(operatorId: number): { name: string; clients: number } | null;
}

export interface Portal {
  origin: string;
  jwksUrl: string;
  audience: string;
  /** Forgets the portal sessions of an impersonation session that ended. */
  forget(sessionId: string): void;
  stop(): Promise<void>;
}

type PortalSession =
  | { kind: 'impersonation'; sessionId: string; csrf: string }
  | { kind: 'reseller'; operatorId: number; csrf: string };

const COOKIE = 'rdp_session';
const cookieOptions = { httpOnly: true, sameSite: 'Strict', path: '/' } as const;
const PORTAL_CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
};

const token = () => randomBytes(24).toString('base64url');
const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The built-in client portal on 127.0.0.1. It verifies login tokens exactly as
 * an external platform would: through the JWKS it publishes, by signature,
 * issuer, audience, lifetime, and single use.
 */
export async function startPortal(backend: PortalBackend, port = 0): Promise<Portal> {
  const sessions = new Map<string, PortalSession>();
  /** Used token ids until they expire: a token opens one window, once. */
  const usedTokens = new Map<string, number>();
  const app = new Hono();
  let keys: ReturnType<typeof createRemoteJWKSet> | undefined;

  app.use(secureHeaders({ contentSecurityPolicy: PORTAL_CSP, referrerPolicy: 'no-referrer', crossOriginResourcePolicy: 'same-origin' }));
  // Forms and fetches that change something must come from the portal's own pages.
  app.use(csrf());
  app.use(async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  const sessionOf = (c: Context) => {
    const id = getCookie(c, COOKIE);
    return id ? sessions.get(id) : undefined;
  };
  const startSession = (c: Context, session: PortalSession) => {
    const id = token();
    sessions.set(id, session);
    setCookie(c, COOKIE, id, cookieOptions);
  };
  const formToken = async (c: Context, session: PortalSession) => {
    const body = await c.req.parseBody();
    return typeof body._csrf === 'string' && sameToken(body._csrf, session.csrf);
  };

  app.get('/.well-known/jwks.json', (c) => c.json(backend.jwks()));
  app.get('/assets/portal.css', (c) => c.body(portalStyles, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  app.get('/assets/portal.js', (c) => c.body(portalScript, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));

  app.get('/sso', async (c) => {
    const now = backend.now();
    for (const [jti, expiresAt] of usedTokens) if (expiresAt < now) usedTokens.delete(jti);
    const result = await verifyLoginToken(c.req.query('token') ?? '', (keys ??= createRemoteJWKSet(new URL(jwksUrl))), {
      issuer: backend.issuer,
      audience: BUILTIN_AUDIENCE,
      now,
    });
    if (!result.ok) {
      backend.refused(result.refusal, {});
      return c.html(refusedPage(result.refusal), 403);
    }
    const { login } = result;
    if (usedTokens.has(login.jti)) {
      backend.refused('replay', { clientId: login.clientId, sessionId: login.sessionId });
      return c.html(refusedPage('replay'), 403);
    }
    usedTokens.set(login.jti, login.expiresAt);
    const view = backend.view(login.sessionId);
    if (!view || view.client.id !== login.clientId || view.session.view !== login.view) {
      backend.refused('session', { clientId: login.clientId, sessionId: login.sessionId });
      return c.html(refusedPage('session'), 403);
    }
    startSession(c, { kind: 'impersonation', sessionId: login.sessionId, csrf: token() });
    return c.redirect('/dashboard', 303);
  });

  /** Pages of an open session; once it ended, the cookie goes and the page says so. */
  const impersonation = (handler: (c: Context, session: PortalSession & { kind: 'impersonation' }, view: PortalView) => Response | Promise<Response>) =>
    async (c: Context) => {
      const session = sessionOf(c);
      if (session?.kind !== 'impersonation') return c.html(endedPage(), 401);
      const view = backend.view(session.sessionId);
      if (!view) {
        deleteCookie(c, COOKIE, cookieOptions);
        return c.html(endedPage(), 410);
      }
      backend.touch(session.sessionId);
      return handler(c, session, view);
    };

  for (const section of ['dashboard', 'users', 'settings'] as const satisfies readonly PortalSection[]) {
    app.get(`/${section}`, impersonation((c, session, view) => c.html(portalPage(section, view, session.csrf))));
  }
  app.get('/', (c) => c.redirect('/dashboard', 303));

  app.post(
    '/return',
    impersonation(async (c, session) => {
      if (!(await formToken(c, session))) return c.text('Forbidden', 403);
      await backend.returnToReseller(session.sessionId);
      return c.html(endedPage());
    }),
  );
  app.get('/session/status', impersonation((c, _session, view) => c.json({ endsAt: view.session.endsAt, now: backend.now() })));
  app.post(
    '/session/extend',
    impersonation((c, session) => {
      if (!sameToken(c.req.header('x-csrf-token') ?? '', session.csrf)) return c.text('Forbidden', 403);
      backend.extend(session.sessionId);
      return c.json({ ok: true });
    }),
  );

  app.get('/reseller', (c) => {
    const session = sessionOf(c);
    const overview = session?.kind === 'reseller' ? backend.resellerOverview(session.operatorId) : null;
    return overview && session ? c.html(resellerPage(overview, session.csrf)) : c.html(signInPage(null));
  });
  app.post('/reseller/sign-in', async (c) => {
    const body = await c.req.parseBody();
    const outcome = await backend.signInReseller(String(body.email ?? ''), String(body.password ?? ''));
    if ('refused' in outcome) return c.html(signInPage(outcome.refused), 401);
    startSession(c, { kind: 'reseller', operatorId: outcome.operatorId, csrf: token() });
    return c.redirect('/reseller', 303);
  });
  app.post('/reseller/sign-out', async (c) => {
    const id = getCookie(c, COOKIE);
    const session = sessionOf(c);
    if (session && id && (await formToken(c, session))) sessions.delete(id);
    deleteCookie(c, COOKIE, cookieOptions);
    return c.redirect('/reseller', 303);
  });

  const server = await new Promise<ServerType>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, () => resolve(started));
    started.once('error', reject);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const jwksUrl = `${origin}/.well-known/jwks.json`;
  return {
    origin,
    jwksUrl,
    audience: BUILTIN_AUDIENCE,
    forget: (sessionId) => {
      for (const [id, session] of sessions) if (session.kind === 'impersonation' && session.sessionId === sessionId) sessions.delete(id);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
