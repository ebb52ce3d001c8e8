import { randomUUID } from 'node:crypto';
import type { EndReason, OpenSessionInfo, View } from '../../shared/impersonation';
import type { ChannelParsedInput, EventName, EventPayload } from '../../shared/ipc/contract';
import type { HandlerContext, OperatorContext } from '../app/context';
import { AppError, conflict, notFound, type Log } from '../app/errors';
import { writeWithAudit } from '../audit/write';
import { requireReachableClient } from '../clients/handlers';
import { clientUserPortal } from '../client-users/portal-accounts';
import { findClient, isReachable, listClients } from '../clients/repository';
import { portalContent } from '../portal/content';
import { authenticate } from '../operators/handlers';
import { loadSignedInOperator } from '../operators/repository';
import { startPortal, type Portal, type PortalBackend } from '../portal/server';
import type { PortalView } from '../portal/pages';
import { PortalUnreachableError, type PortalWindow, type Shell } from '../shell/port';
import type { WorkspaceHost } from '../workspace/host';
import { admission, admit } from './gates';
import { jwksOf, loadSigningKey, type SigningKey } from './keys';
import { endSession, findSession, insertSession, openSessionIds, readPartnerAccess, readSettings, setExpiry } from './repository';
import { signLoginToken } from './tokens';

export interface ImpersonationDeps {
  shell: Shell;
  host: WorkspaceHost;
  now(): number;
  log: Log;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** A context outside any IPC call: timeouts and the portal's own requests. */
  context(): HandlerContext;
  focusWorkspace(): void;
}

interface OpenSession {
  id: string;
  clientId: number;
  clientName: string;
  view: View;
  operatorId: number;
  operatorName: string;
  reason: string | null;
  readOnly: boolean;
  startedAt: number;
  expiresAt: number;
  idleMs: number;
  lastActivity: number;
  /** The end time the workspace UI was last told. */
  announcedEndsAt: number;
  warned: boolean;
  /** Null while the window is opening. */
  window: PortalWindow | null;
}

interface Runtime {
  key: SigningKey;
  portal: Portal;
  issuer: string;
}

export const notOpen = () => notFound('impersonation.notOpen', 'This client window is not open (any more).');

/** Warn a minute before a session ends by itself, or at half a shorter limit, so an extension is not warned again at once. */
const warnBefore = (limitMs: number) => Math.min(60_000, limitMs / 2);
/** The open-sessions panel hears of a deadline moved by activity when it moved this much. */
const ANNOUNCE_SHIFT_MS = 10_000;

/**
 * Where a client's window logs in: the built-in portal, or the external
 * platform of the client's SSO URL template, whose audience is its origin.
 */
function portalTarget(template: string | null, builtin: Portal) {
  if (!template) {
    return { origin: builtin.origin, audience: builtin.audience, url: (token: string) => `${builtin.origin}/sso?token=${encodeURIComponent(token)}` };
  }
  const origin = new URL(template.replaceAll('{token}', 'token')).origin;
  return { origin, audience: origin, url: (token: string) => template.replaceAll('{token}', encodeURIComponent(token)) };
}
const ACCENT: Record<View, string> = { client: '#0f766e', partner: '#b45309' };
const VIEW_NAME: Record<View, string> = { client: 'Client view', partner: 'Partner view' };

/**
 * "Log in as client / partner" for this app: admits or refuses, records the
 * session, signs the one-time token, opens the isolated window, ends it on
 * return, close, timeout or request — and serves the built-in portal's needs.
 */
export class Impersonation {
  private readonly open = new Map<string, OpenSession>();
  private runtime: Promise<Runtime> | undefined;
  private resellerWindow: PortalWindow | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** A recheck of the open windows waiting for its turn (see recheckSoon). */
  private recheck: Promise<void> | undefined;

  constructor(private readonly deps: ImpersonationDeps) {}

  /** Portal server and signing key, started on first need so the app starts fast. */
  ready(): Promise<Runtime> {
    this.runtime ??= this.start().catch((error: unknown) => {
      this.runtime = undefined;
      throw error;
    });
    return this.runtime;
  }

  private async start(): Promise<Runtime> {
    const { settings, secrets } = this.deps.shell;
    let installation = settings.get('installationId');
    if (typeof installation !== 'string') settings.set('installationId', (installation = randomUUID()));
    const key = await loadSigningKey(secrets);
    const issuer = `urn:reseller-desk:${installation}`;
    const backend = this.portalBackend(issuer, key);
    // The same port across starts keeps the reseller portal's cookies and the published JWKS address valid.
    const remembered = settings.get('portalPort');
    const clientUsers = clientUserPortal(this.deps.context);
    const portal = await startPortal(backend, clientUsers, typeof remembered === 'number' ? remembered : 0).catch(() => startPortal(backend, clientUsers, 0));
    settings.set('portalPort', Number(new URL(portal.origin).port));
    this.timer = setInterval(() => void this.tick(), 1000);
    this.timer.unref();
    return { key, portal, issuer };
  }

  async openSession(ctx: OperatorContext, input: ChannelParsedInput<'impersonation.open'>): Promise<{ sessionId: string; focused: boolean }> {
    const { db } = ctx.workspace();
    const operator = ctx.operator;
    let client;
    let readOnly;
    const settings = readSettings(db);
    try {
      client = requireReachableClient(ctx, input.clientId);
      ({ readOnly } = admit({ operator, client, view: input.view, reason: input.reason, settings, access: readPartnerAccess(db, client.id), now: ctx.now() }));
    } catch (error) {
      if (error instanceof AppError) this.recordRefusal(ctx, input, error);
      throw error;
    }
    if (!input.newWindow) {
      const same = [...this.open.values()].find((s) => s.clientId === client.id && s.view === input.view && s.operatorId === operator.id);
      if (same?.window) {
        same.window.focus();
        return { sessionId: same.id, focused: true };
      }
    }

    const { key, portal, issuer } = await this.ready();
    const target = portalTarget(client.portalSsoUrl, portal);
    const now = ctx.now();
    const session: OpenSession = {
      id: randomUUID(),
      clientId: client.id,
      clientName: client.companyName,
      view: input.view,
      operatorId: operator.id,
      operatorName: operator.displayName,
      reason: input.reason || null,
      readOnly,
      startedAt: now,
      expiresAt: now + settings.absoluteMinutes * 60_000,
      idleMs: settings.idleMinutes * 60_000,
      lastActivity: now,
      announcedEndsAt: 0,
      warned: false,
      window: null,
    };
    ctx.write((tx, audit) => {
      insertSession(tx, session);
      audit({
        action: 'impersonation.started',
        clientId: client.id,
        summary: `Opened ${client.companyName} in the ${input.view} view`,
        after: { sessionId: session.id, view: input.view, reason: session.reason, readOnly },
      });
    });
    this.open.set(session.id, session);
    try {
      const token = await signLoginToken(key, issuer, { audience: target.audience, sessionId: session.id, clientId: client.id, view: input.view, operator: { id: operator.id, name: operator.displayName } }, now);
      session.window = await this.deps.shell.openPortalWindow({
        partition: `impersonation:${session.id}`,
        url: target.url(token),
        allowedOrigins: [target.origin],
        title: `${client.companyName} · ${VIEW_NAME[input.view]} — Reseller Desk`,
        accent: ACCENT[input.view],
        bar: { text: `${client.companyName} · ${VIEW_NAME[input.view]}${readOnly ? ' · read-only' : ''} · ${operator.displayName}`, returnLabel: 'Return to reseller' },
        onClosed: () => void this.end(session.id, 'closed'),
        onReturn: () => void this.end(session.id, 'return'),
        onActivity: () => this.touch(session.id),
      });
    } catch (error) {
      if (!(error instanceof PortalUnreachableError)) {
        await this.end(session.id, 'closed');
        throw error;
      }
      await this.end(session.id, 'unreachable');
      throw conflict(
        'impersonation.portalUnreachable',
        `The portal of ${client.companyName} at ${error.origin} could not be reached (${error.detail}). Check the client's portal address, or try again later.`,
        { companyName: client.companyName, origin: error.origin, detail: error.detail },
      );
    }
    this.changed();
    return { sessionId: session.id, focused: false };
  }

  private recordRefusal(ctx: OperatorContext, input: ChannelParsedInput<'impersonation.open'>, error: AppError): void {
    const exists = !!findClient(ctx.workspace().db, input.clientId);
    ctx.write((_tx, audit) =>
      audit({
        action: 'impersonation.refused',
        clientId: exists ? input.clientId : null,
        summary: `Refused to open client ${input.clientId} in the ${input.view} view: ${error.message}`,
        after: { view: input.view, refusal: error.key, reason: input.reason || null },
      }),
    );
  }

  list(): OpenSessionInfo[] {
    return [...this.open.values()].filter((s) => s.window).map((s) => this.info(s));
  }

  private info(s: OpenSession): OpenSessionInfo {
    const idleEnds = s.lastActivity + s.idleMs;
    return {
      id: s.id,
      clientId: s.clientId,
      clientName: s.clientName,
      view: s.view,
      operatorName: s.operatorName,
      reason: s.reason,
      readOnly: s.readOnly,
      startedAt: s.startedAt,
      endsAt: Math.min(idleEnds, s.expiresAt),
      endsBy: idleEnds < s.expiresAt ? 'idle' : 'absolute',
    };
  }

  private mine(sessionId: string): OpenSession {
    const session = this.open.get(sessionId);
    if (!session) throw notOpen();
    return session;
  }

  focus(sessionId: string): void {
    this.mine(sessionId).window?.focus();
  }

  /** Closes the window, wipes its partition and ends the record; false if it had ended already. */
  async end(sessionId: string, reason: EndReason): Promise<boolean> {
    const session = this.open.get(sessionId);
    if (!session) return false;
    this.open.delete(sessionId);
    const now = this.deps.now();
    const recorded = writeWithAudit(this.deps.host.database().db, { id: session.operatorId, name: session.operatorName }, now, (tx, audit) => {
      const ended = endSession(tx, sessionId, now, reason);
      audit({
        action: 'impersonation.ended',
        clientId: session.clientId,
        summary: `Closed the ${session.view} view of ${session.clientName} (${reason}) after ${Math.round((now - session.startedAt) / 1000)} s`,
        before: { sessionId },
        after: { endReason: reason, durationMs: now - session.startedAt },
      });
      return ended;
    });
    if (this.runtime) (await this.runtime).portal.forget(sessionId);
    await session.window?.close();
    if (reason === 'return') this.deps.focusWorkspace();
    this.changed();
    return recorded;
  }

  async endAll(reason: EndReason): Promise<number> {
    const ids = [...this.open.keys()];
    for (const id of ids) await this.end(id, reason);
    return ids.length;
  }

  extend(sessionId: string, actor: { id: number; name: string }): OpenSessionInfo {
    const session = this.mine(sessionId);
    const now = this.deps.now();
    const settings = readSettings(this.deps.host.database().db);
    const expiresAt = Math.max(session.expiresAt, now + settings.absoluteMinutes * 60_000);
    writeWithAudit(this.deps.host.database().db, actor, now, (tx, audit) => {
      setExpiry(tx, sessionId, expiresAt);
      audit({
        action: 'impersonation.extended',
        clientId: session.clientId,
        summary: `Extended the ${session.view} view of ${session.clientName}`,
        before: { expiresAt: session.expiresAt },
        after: { expiresAt },
      });
    });
    Object.assign(session, { expiresAt, lastActivity: now, warned: false });
    this.changed();
    return this.info(session);
  }

  /** The operator did something in the window (opened a page, pressed a key): the idle limit starts afresh. */
  touch(sessionId: string): void {
    const session = this.open.get(sessionId);
    if (!session) return;
    session.lastActivity = this.deps.now();
    session.warned = false;
    if (this.info(session).endsAt - session.announcedEndsAt >= ANNOUNCE_SHIFT_MS) this.changed();
  }

  /** Ends sessions past their idle or absolute limit; warns a minute before. */
  async tick(): Promise<void> {
    const now = this.deps.now();
    for (const session of [...this.open.values()]) {
      if (!session.window) continue;
      const info = this.info(session);
      if (now >= info.endsAt) {
        await this.end(session.id, info.endsBy === 'idle' ? 'timeout-idle' : 'timeout-absolute');
      } else if (info.endsAt - now <= warnBefore(info.endsBy === 'idle' ? session.idleMs : session.expiresAt - session.startedAt) && !session.warned) {
        session.warned = true;
        this.deps.emit('impersonation.expiring', info);
      }
    }
  }

  /**
   * After a change to the workspace: a window whose opening would now be
   * refused (partner login turned off, the client refused partner access or
   * was suspended or archived, the operator lost the right or the client)
   * closes; a partner window of a client suspended meanwhile turns read-only.
   * The reason policy is not asked again: the window was opened under it.
   */
  recheckSoon(): void {
    if (this.recheck || this.open.size === 0) return;
    this.recheck = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.recheckOpen())
      .catch((error: unknown) => this.deps.log('error', 'rechecking open client windows failed', error))
      .finally(() => (this.recheck = undefined));
  }

  private async recheckOpen(): Promise<void> {
    if (!this.deps.host.isOpen) return;
    const { db } = this.deps.host.database();
    const settings = readSettings(db);
    let changed = false;
    for (const session of [...this.open.values()]) {
      if (!session.window) continue;
      const operator = loadSignedInOperator(db, session.operatorId);
      const client = findClient(db, session.clientId);
      const answer =
        operator && client && isReachable(db, { operatorId: operator.id, allClients: operator.allClients }, client.id)
          ? admission({ operator, client, view: session.view, reason: null, settings, access: readPartnerAccess(db, client.id), now: this.deps.now() })
          : null;
      if (!answer || 'refusal' in answer) await this.end(session.id, 'withdrawn');
      else if (answer.readOnly && !session.readOnly) {
        session.readOnly = true;
        changed = true;
      }
    }
    if (changed) this.changed();
  }

  /** Records left open by an earlier run ended with it: its windows and memory partitions are gone. */
  closeStale(): void {
    if (!this.deps.host.isOpen) return;
    const { db } = this.deps.host.database();
    const now = this.deps.now();
    for (const id of openSessionIds(db)) {
      if (this.open.has(id)) continue;
      const found = findSession(db, id);
      if (!found) continue;
      writeWithAudit(db, { id: found.session.operatorId, name: found.session.operatorName }, now, (tx, audit) => {
        endSession(tx, id, now, 'app-closed');
        audit({ action: 'impersonation.ended', clientId: found.session.clientId, summary: `Closed with the app: ${found.clientName}`, after: { endReason: 'app-closed' } });
      });
    }
  }

  async publicKeys(): Promise<{ jwks: string; url: string; issuer: string }> {
    const { key, portal, issuer } = await this.ready();
    return { jwks: JSON.stringify(jwksOf(key), null, 2), url: portal.jwksUrl, issuer };
  }

  /** The built-in portal's address, for links to it (a client's sign-in page). */
  async portalOrigin(): Promise<string> {
    return (await this.ready()).portal.origin;
  }

  async openResellerPortal(): Promise<void> {
    if (this.resellerWindow) return this.resellerWindow.focus();
    const { portal } = await this.ready();
    this.resellerWindow = await this.deps.shell.openPortalWindow({
      partition: 'persist:reseller-portal',
      url: `${portal.origin}/reseller`,
      allowedOrigins: [portal.origin],
      title: 'My reseller portal — Reseller Desk',
      accent: '#1f4e79',
      bar: null,
      onClosed: () => void (this.resellerWindow = undefined),
      onReturn: () => undefined,
      onActivity: () => undefined,
    });
  }

  /** On quit: every open session ends with the app (the windows close with the shell). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    if (this.deps.host.isOpen) await this.endAll('app-closed');
    await this.resellerWindow?.close();
    if (this.runtime) await (await this.runtime).portal.stop();
  }

  private changed(): void {
    const list = this.list();
    for (const info of list) this.open.get(info.id)!.announcedEndsAt = info.endsAt;
    this.deps.emit('impersonation.changed', list);
  }

  private portalBackend(issuer: string, key: SigningKey): PortalBackend {
    return {
      now: () => this.deps.now(),
      issuer,
      jwks: () => jwksOf(key),
      view: (sessionId) => this.portalView(sessionId),
      session: (sessionId) => {
        const session = this.open.get(sessionId);
        if (!session || !this.deps.host.isOpen || !findClient(this.deps.host.database().db, session.clientId)) return null;
        return { clientId: session.clientId, view: session.view, endsAt: this.info(session).endsAt };
      },
      touch: (sessionId) => this.touch(sessionId),
      returnToReseller: async (sessionId) => void (await this.end(sessionId, 'return')),
      extend: (sessionId) => {
        const session = this.open.get(sessionId);
        if (session) this.extend(sessionId, { id: session.operatorId, name: session.operatorName });
      },
      refused: (refusal, { clientId, sessionId }) =>
        writeWithAudit(this.deps.host.database().db, { id: null, name: 'Built-in portal' }, this.deps.now(), (_tx, audit) =>
          audit({
            action: 'portal.tokenRefused',
            clientId: clientId !== undefined && findClient(this.deps.host.database().db, clientId) ? clientId : null,
            summary: `The portal refused a sign-in link: ${refusal}`,
            after: { refusal, sessionId: sessionId ?? null },
          }),
        ),
      refusedRepeatedly: (counts, from, to) => {
        if (!this.deps.host.isOpen) return;
        const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
        const kinds = Object.entries(counts)
          .map(([kind, n]) => `${n} ${kind}`)
          .join(', ');
        try {
          writeWithAudit(this.deps.host.database().db, { id: null, name: 'Built-in portal' }, this.deps.now(), (_tx, audit) =>
            audit({
              action: 'portal.tokensRefused',
              summary: `The portal refused ${total} more sign-in links that name nobody, within a minute: ${kinds}`,
              after: { ...counts, from, to },
            }),
          );
        } catch (error) {
          this.deps.log('error', 'recording refused sign-in links failed', error);
        }
      },
      signInReseller: async (email, password) => {
        try {
          const operator = await authenticate(this.deps.context(), { email: email.trim().toLowerCase(), password }, { action: 'portal.resellerSignedIn', summary: 'Signed in to the reseller portal' });
          return { operatorId: operator.id, name: operator.displayName };
        } catch (error) {
          if (error instanceof AppError) return { refused: error.message };
          throw error;
        }
      },
      resellerOverview: (operatorId) => {
        const { db } = this.deps.host.database();
        const operator = loadSignedInOperator(db, operatorId);
        if (!operator) return null;
        return { name: operator.displayName, clients: listClients(db, { operatorId, allClients: operator.allClients }, { query: '', offset: 0, limit: 1 }).total };
      },
    };
  }

  private portalView(sessionId: string): PortalView | null {
    const session = this.open.get(sessionId);
    if (!session || !this.deps.host.isOpen) return null;
    const { db } = this.deps.host.database();
    const client = findClient(db, session.clientId);
    if (!client) return null;
    // The client view speaks the client's language; the partner view is the reseller's console and speaks theirs.
    const language = session.view === 'partner' ? this.deps.context().preferences.read().language : client.language;
    return {
      session: {
        kind: 'impersonation',
        id: session.id,
        view: session.view,
        readOnly: session.readOnly || client.status === 'suspended',
        operatorName: session.operatorName,
        endsAt: this.info(session).endsAt,
      },
      ...portalContent(db, client, session.view, language),
    };
  }
}
