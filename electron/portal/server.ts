import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { secureHeaders } from 'hono/secure-headers';
import { createRemoteJWKSet, type JSONWebKeySet } from 'jose';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { BUILTIN_AUDIENCE, verifyLoginToken, windowHashOf, type TokenRefusal } from '../impersonation/tokens';
import { WINDOW_SECRET_HEADER } from '../shell/port';
import type { View } from '../../shared/impersonation';
import { portalScript, portalStyles } from './assets';
import type { Language } from '../../shared/settings';
import {
  endedPage,
  invitationPage,
  invitationProblemPage,
  portalPage,
  refusedPage,
  resellerPage,
  signInPage,
  signInUnavailablePage,
  tooLargePage,
  type PortalRefusal,
  type PortalSection,
  type PortalView,
} from './pages';
import { BODY_LIMIT_BYTES, invitationForm, readForm, signInForm, tokenForm } from './forms';
import { RefusalTally } from './refusals';
import { portalText } from './text';

/** What the portal asks of the app; it holds no workspace state of its own beyond cookies. */
export interface PortalBackend {
  now(): number;
  issuer: string;
  jwks(): JSONWebKeySet;
  /** The session's page data while the session is open; null once it ended. */
  view(sessionId: string): PortalView | null;
  /** Whose and which view an open session is, and when it ends; null once it ended. Cheap: no page data. */
  session(sessionId: string): { clientId: number; view: View; endsAt: number } | null;
  touch(sessionId: string): void;
  returnToReseller(sessionId: string): Promise<void>;
  extend(sessionId: string): void;
  /** A token or session the portal refused, for the audit log. */
  refused(refusal: PortalRefusal, detail: { clientId?: number; sessionId?: string }): void;
  /** Repeats of refusals that name nobody, counted per kind over a window (see RefusalTally), for the audit log. */
  refusedRepeatedly(counts: Partial<Record<TokenRefusal, number>>, from: number, to: number): void;
  /** Whose "My reseller portal" window a session is, while it is open; null once it ended. */
  resellerSession(sessionId: string): { operatorId: number } | null;
  /** The reseller portal's page data while its session is open; null once it ended. */
  resellerOverview(sessionId: string): { name: string; clients: number } | null;
}

/** The client users' side: invitations, sign-in, their view of the portal. */
export interface ClientUserPortal {
  invitation(token: string): { name: string; email: string; companyName: string; language: Language } | { invalid: InvitationProblem; language: Language };
  /** The password has passed the invitation form's rules (see forms.ts). */
  acceptInvitation(token: string, password: string): Promise<{ slug: string } | { error: InvitationProblem }>;
  /** The client whose sign-in page the slug addresses; null alike for an unknown slug and a client that may not sign in. */
  signInContext(slug: string): { clientId: number; companyName: string; language: Language } | null;
  /** `source`: where the attempt comes from (the caller's address), for the sign-in throttle. */
  signInClientUser(
    clientId: number,
    email: string,
    password: string,
    source: string,
  ): Promise<{ clientUserId: number; name: string } | { refused: 'unknown' | 'suspended' | 'wrong' } | { refused: 'throttled'; retryAfterMs: number }>;
  /** Null once the user or the client may no longer sign in. */
  clientUserView(clientUserId: number): PortalView | null;
}
type InvitationProblem = 'unknown' | 'used' | 'expired';

export interface Portal {
  origin: string;
  jwksUrl: string;
  audience: string;
  /** Forgets the portal sessions of a session that ended: a client window's or the reseller portal's. */
  forget(sessionId: string): void;
  stop(): Promise<void>;
}

type CookieSession =
  | { kind: 'impersonation'; sessionId: string; csrf: string }
  | { kind: 'clientUser'; slug: string; clientUserId: number; csrf: string }
  | { kind: 'reseller'; sessionId: string; csrf: string };

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
/** A client's sign-in page, addressed by the client's random slug: ids could be walked. */
export const signInPath = (slug: string) => `/clients/${slug}/sign-in`;
const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The built-in client portal on 127.0.0.1. It verifies login tokens exactly as
 * an external platform would: through the JWKS it publishes, by signature,
 * issuer, audience, lifetime, and single use. It answers only requests for
 * `hosts` ("name:port" as in the Host header; by default 127.0.0.1 and the
 * port it listens on): a page elsewhere whose name was made to resolve to this
 * address (DNS rebinding) reaches it under its own name and is turned away.
 */
export async function startPortal(backend: PortalBackend, clientUsers: ClientUserPortal, port = 0, hosts?: readonly string[]): Promise<Portal> {
  const sessions = new Map<string, CookieSession>();
  /** Used token ids until they expire: a token opens one window, once. */
  const usedTokens = new Map<string, number>();
  const app = new Hono();
  let keys: ReturnType<typeof createRemoteJWKSet> | undefined;
  const refusals = new RefusalTally(() => backend.now(), {
    first: (refusal) => backend.refused(refusal, {}),
    repeated: (counts, from, to) => backend.refusedRepeatedly(counts, from, to),
  });
  const recordRepeats = setInterval(() => refusals.flushIfDue(), 10_000);
  recordRepeats.unref();
  /** Filled once the server listens (before any request can arrive). */
  let ownHosts = new Set<string>();

  // Before anything else: nothing is read, written or rendered for a request meant for another name.
  app.use(async (c, next) => {
    if (!ownHosts.has(c.req.header('host')?.toLowerCase() ?? '')) return c.text('Misdirected Request', 421);
    await next();
  });
  // The forms carry a few short fields; a larger body is refused before it is read.
  app.use(bodyLimit({ maxSize: BODY_LIMIT_BYTES, onError: (c) => c.html(tooLargePage(), 413) }));
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
  const startSession = (c: Context, session: CookieSession) => {
    const id = token();
    sessions.set(id, session);
    setCookie(c, COOKIE, id, cookieOptions);
  };
  const formToken = async (c: Context, session: CookieSession) => {
    const form = await readForm(c, tokenForm);
    return !!form && sameToken(form._csrf, session.csrf);
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
      refusals.count(result.refusal);
      return c.html(refusedPage(result.refusal), 403);
    }
    const { login } = result;
    const refuse = (refusal: PortalRefusal) => {
      backend.refused(refusal, { ...(login.view !== 'reseller' && { clientId: login.clientId }), sessionId: login.sessionId });
      return c.html(refusedPage(refusal), 403);
    };
    // Bound to the window that asked for it: without that window's secret the token stays unused, so the window still opens with it.
    if (!sameToken(windowHashOf(c.req.header(WINDOW_SECRET_HEADER) ?? ''), login.windowHash)) return refuse('window');
    if (usedTokens.has(login.jti)) return refuse('replay');
    usedTokens.set(login.jti, login.expiresAt);
    if (login.view === 'reseller') {
      if (backend.resellerSession(login.sessionId)?.operatorId !== login.operatorId) return refuse('session');
      startSession(c, { kind: 'reseller', sessionId: login.sessionId, csrf: token() });
      return c.redirect('/reseller', 303);
    }
    const open = backend.session(login.sessionId);
    if (!open || open.clientId !== login.clientId || open.view !== login.view) return refuse('session');
    startSession(c, { kind: 'impersonation', sessionId: login.sessionId, csrf: token() });
    return c.redirect('/dashboard', 303);
  });

  /** The page data of whoever this cookie belongs to, while they may still see it. */
  const viewOf = (session: CookieSession | undefined): PortalView | null => {
    if (session?.kind === 'impersonation') return backend.view(session.sessionId);
    return session?.kind === 'clientUser' ? clientUsers.clientUserView(session.clientUserId) : null;
  };
  /** An ended session: the cookie goes and the page says so. */
  const ended = (c: Context, session: CookieSession | undefined) => {
    if (session) deleteCookie(c, COOKIE, cookieOptions);
    return c.html(endedPage('noSession'), session ? 410 : 401);
  };
  const portalPages = (handler: (c: Context, session: CookieSession, view: PortalView) => Response | Promise<Response>) => async (c: Context) => {
    const session = sessionOf(c);
    // The reseller's own portal shows no client: its session stays, this page is not for it.
    if (session?.kind === 'reseller') return c.text('Forbidden', 403);
    const view = viewOf(session);
    return session && view ? handler(c, session, view) : ended(c, session);
  };
  /** Routes of an operator's window only (returning, the session timer): they need the session, not the page data. */
  const impersonation =
    (handler: (c: Context, session: CookieSession & { kind: 'impersonation' }, endsAt: number) => Response | Promise<Response>) => async (c: Context) => {
      const session = sessionOf(c);
      if (session && session.kind !== 'impersonation') return c.text('Forbidden', 403);
      const open = session && backend.session(session.sessionId);
      return session && open ? handler(c, session, open.endsAt) : ended(c, session);
    };

  for (const section of ['dashboard', 'users', 'settings'] as const satisfies readonly PortalSection[]) {
    app.get(
      `/${section}`,
      portalPages((c, session, view) => {
        // Opening a page is activity; the page's own status poll is not.
        if (session.kind === 'impersonation') backend.touch(session.sessionId);
        return c.html(portalPage(section, view, session.csrf));
      }),
    );
  }
  app.get('/', (c) => c.redirect('/dashboard', 303));

  app.post(
    '/return',
    impersonation(async (c, session) => {
      if (!(await formToken(c, session))) return c.text('Forbidden', 403);
      await backend.returnToReseller(session.sessionId);
      return c.html(endedPage('return'));
    }),
  );
  // Polled by an operator's window every 15 s (the timer bar only they have).
  app.get('/session/status', impersonation((c, _session, endsAt) => c.json({ endsAt, now: backend.now() })));
  app.post(
    '/session/extend',
    impersonation((c, session) => {
      if (!sameToken(c.req.header('x-csrf-token') ?? '', session.csrf)) return c.text('Forbidden', 403);
      backend.extend(session.sessionId);
      return c.json({ ok: true });
    }),
  );

  app.get('/invite/:token', (c) => {
    const found = clientUsers.invitation(c.req.param('token'));
    if ('invalid' in found) return c.html(invitationProblemPage(portalText(found.language).invitation[found.invalid], found.language), 410);
    return c.html(invitationPage({ ...found, action: c.req.path }));
  });
  app.post('/invite/:token', async (c) => {
    const token = c.req.param('token');
    const form = await readForm(c, invitationForm);
    const outcome = !form ? { error: 'weak' as const } : form.password !== form.repeat ? { error: 'mismatch' as const } : await clientUsers.acceptInvitation(token, form.password);
    if ('slug' in outcome) return c.redirect(`${signInPath(outcome.slug)}?welcome=1`, 303);
    // An invitation that cannot be used says so, whatever the form held.
    const found = clientUsers.invitation(token);
    if ('invalid' in found) return c.html(invitationProblemPage(portalText(found.language).invitation[found.invalid], found.language), 410);
    return c.html(invitationPage({ ...found, action: c.req.path, error: portalText(found.language).invitation[outcome.error] }), 400);
  });

  const clientSignIn = (c: Context, slug: string, error: string | null, status: 200 | 400 | 401) => {
    const context = clientUsers.signInContext(slug);
    if (!context) return c.html(signInUnavailablePage(), 404);
    const t = portalText(context.language);
    return c.html(
      signInPage({ heading: t.signInTo(context.companyName), action: signInPath(slug), language: context.language, error, notice: c.req.query('welcome') ? t.passwordSet : null }),
      status,
    );
  };
  app.get('/clients/:slug/sign-in', (c) => clientSignIn(c, c.req.param('slug'), null, 200));
  app.post('/clients/:slug/sign-in', async (c) => {
    const slug = c.req.param('slug');
    const context = clientUsers.signInContext(slug);
    if (!context) return c.html(signInUnavailablePage(), 404);
    const form = await readForm(c, signInForm);
    if (!form) return clientSignIn(c, slug, portalText(context.language).signInInvalid, 400);
    // The caller's address is the attempt's source: a burst from one place is held back there, not for everyone.
    const source = getConnInfo(c).remote.address ?? 'unknown';
    const outcome = await clientUsers.signInClientUser(context.clientId, form.email, form.password, source);
    if ('refused' in outcome) {
      if (outcome.refused === 'unknown' || outcome.refused === 'suspended') return c.html(signInUnavailablePage(), 404);
      const t = portalText(context.language);
      const text = outcome.refused === 'throttled' ? t.tryAgainIn(outcome.retryAfterMs) : t.signInRefused[outcome.refused];
      return clientSignIn(c, slug, text, 401);
    }
    startSession(c, { kind: 'clientUser', slug, clientUserId: outcome.clientUserId, csrf: token() });
    return c.redirect('/dashboard', 303);
  });

  /**
   * "My reseller portal": opened signed in from the desk with a one-time token,
   * never by a password typed here (the portal is public in team mode); it ends
   * with the desk's sign-out or its time limits, and closing its window.
   */
  app.get('/reseller', (c) => {
    const session = sessionOf(c);
    const overview = session?.kind === 'reseller' ? backend.resellerOverview(session.sessionId) : null;
    return overview ? c.html(resellerPage(overview)) : ended(c, session);
  });
  /** A client user's way out; an operator's window returns or closes instead. */
  app.post('/sign-out', async (c) => {
    const id = getCookie(c, COOKIE);
    const session = sessionOf(c);
    if (session?.kind !== 'clientUser' || !id || !(await formToken(c, session))) return c.text('Forbidden', 403);
    sessions.delete(id);
    deleteCookie(c, COOKIE, cookieOptions);
    return c.redirect(signInPath(session.slug), 303);
  });

  const server = await new Promise<ServerType>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, () => resolve(started));
    started.once('error', reject);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ownHosts = new Set((hosts ?? [new URL(origin).host]).map((host) => host.toLowerCase()));
  const jwksUrl = `${origin}/.well-known/jwks.json`;
  return {
    origin,
    jwksUrl,
    audience: BUILTIN_AUDIENCE,
    forget: (sessionId) => {
      for (const [id, session] of sessions) if (session.kind !== 'clientUser' && session.sessionId === sessionId) sessions.delete(id);
    },
    stop: () => {
      clearInterval(recordRepeats);
      refusals.flush();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
