import { randomUUID } from 'node:crypto';
import type { EndReason, OpenSessionInfo, View } from '../../shared/impersonation';
import type { ChannelParsedInput, EventName, EventPayload } from '../../shared/ipc/contract';
import type { HandlerContext, OperatorContext, SignedInOperator } from '../app/context';
import { AppError, conflict, notFound, type Log } from '../app/errors';
import { operatorActor, type Actor } from '../audit/repository';
import { writeWithAudit } from '../audit/write';
import { requireReachableClient } from '../clients/handlers';
import { clientUserPortal } from '../client-users/portal-accounts';
import { findClient, isReachable, listClients } from '../clients/repository';
import { portalContent } from '../portal/content';
import { loadSignedInOperator } from '../operators/repository';
import { startPortal, type Portal, type PortalBackend } from '../portal/server';
import type { PortalView } from '../portal/pages';
import { PortalUnreachableError, type PortalWindow, type Shell } from '../shell/port';
import type { WorkspaceHost } from '../workspace/host';
import { admission, admit } from './gates';
import { jwksOf, loadSigningKey, type SigningKey } from './keys';
import { endSession, findSession, insertSession, openSessionIds, readPartnerAccess, readSettings, setExpiry } from './repository';
import { signLoginToken, windowBinding } from './tokens';

export interface ImpersonationDeps {
  shell: Shell;
  host: WorkspaceHost;
  now(): number;
  log: Log;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** A context outside any IPC call: timeouts and the portal's own requests. */
  context(): HandlerContext;
  /** Who is signed in to the desk now: every window open belongs to them. */
  signedIn(): number | null;
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

/** "My reseller portal": the signed-in operator's own account, a window of its own with the same time limits. */
interface ResellerPortal {
  id: string;
  operatorId: number;
  expiresAt: number;
  idleMs: number;
  lastActivity: number;
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
  private reseller: ResellerPortal | undefined;
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
    // The same port across starts keeps the published JWKS address valid.
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
    let window: PortalWindow;
    try {
      const binding = windowBinding();
      const grant = { audience: target.audience, sessionId: session.id, clientId: client.id, view: input.view, operator: { id: operator.id, name: operator.displayName }, windowHash: binding.hash };
      window = await this.deps.shell.openPortalWindow({
        partition: `impersonation:${session.id}`,
        url: target.url(await signLoginToken(key, issuer, grant, now)),
        windowSecret: binding.secret,
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
    // Ended while it opened (signed out, or another operator signed in meanwhile): what just opened closes too.
    if (!this.open.has(session.id)) {
      await window.close();
      throw notOpen();
    }
    session.window = window;
    this.changed();
    return { sessionId: session.id, focused: false };
  }

  private recordRefusal(ctx: OperatorContext, input: ChannelParsedInput<'impersonation.open'>, error: AppError): void {
    // The operator reads their own entries: one about a client beyond their reach reads as one about a client that does not exist.
    const known = error.key !== 'clients.notFound';
    ctx.write((_tx, audit) =>
      audit({
        action: 'impersonation.refused',
        clientId: known ? input.clientId : null,
        summary: `Refused to open client ${input.clientId} in the ${input.view} view: ${error.message}`,
        after: { view: input.view, refusal: error.key, reason: input.reason || null },
      }),
    );
  }

  /** The operator's own open windows: the only ones they see or act on. */
  list(operatorId: number | null): OpenSessionInfo[] {
    return [...this.open.values()].filter((s) => s.window && s.operatorId === operatorId).map((s) => this.info(s));
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

  /**
   * The operator's own window, of a client still within their reach (a window
   * outside it is about to close: see recheckSoon). Someone else's answers
   * exactly like one that is not open, so session ids give nothing away.
   */
  private mine(sessionId: string, operator: SignedInOperator): OpenSession {
    const session = this.open.get(sessionId);
    if (session?.operatorId !== operator.id) throw notOpen();
    if (!isReachable(this.deps.host.database().db, { operatorId: operator.id, allClients: operator.allClients }, session.clientId)) throw notOpen();
    return session;
  }

  focus(sessionId: string, operator: SignedInOperator): void {
    this.mine(sessionId, operator).window?.focus();
  }

  /** The operator ends one of their own windows; false if they have no such window open. */
  endOwn(sessionId: string, operatorId: number, reason: EndReason): Promise<boolean> {
    return this.open.get(sessionId)?.operatorId === operatorId ? this.end(sessionId, reason) : Promise.resolve(false);
  }

  /** Closes the window, wipes its partition and ends the record; false if it had ended already. */
  async end(sessionId: string, reason: EndReason): Promise<boolean> {
    const session = this.open.get(sessionId);
    if (!session) return false;
    this.open.delete(sessionId);
    const now = this.deps.now();
    const recorded = writeWithAudit(this.deps.host.database().db, operatorActor({ id: session.operatorId, displayName: session.operatorName }), now, (tx, audit) => {
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

  /** Ends the operator's own client windows ("End all"); null for every window of this desk. */
  async endAll(operatorId: number | null, reason: EndReason): Promise<number> {
    const ids = [...this.open.values()].filter((s) => operatorId === null || s.operatorId === operatorId).map((s) => s.id);
    for (const id of ids) await this.end(id, reason);
    return ids.length;
  }

  /** The operator signs out: nothing they opened stays open, their reseller portal included. */
  async signedOut(operatorId: number): Promise<void> {
    await this.endAll(operatorId, 'signed-out');
    if (this.reseller?.operatorId === operatorId) await this.endResellerPortal();
  }

  /** Another operator signs in on this desk: whatever someone else opened here ends, as if they had signed out. */
  async signedIn(operatorId: number): Promise<void> {
    for (const session of [...this.open.values()]) if (session.operatorId !== operatorId) await this.end(session.id, 'other-sign-in');
    if (this.reseller && this.reseller.operatorId !== operatorId) await this.endResellerPortal();
  }

  extend(sessionId: string, operator: SignedInOperator): OpenSessionInfo {
    const session = this.mine(sessionId, operator);
    return this.prolong(session, operatorActor(operator));
  }

  private prolong(session: OpenSession, actor: Actor): OpenSessionInfo {
    const sessionId = session.id;
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
    const reseller = this.reseller;
    if (reseller?.window && now >= Math.min(reseller.lastActivity + reseller.idleMs, reseller.expiresAt)) await this.endResellerPortal(reseller.id);
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
      writeWithAudit(db, operatorActor({ id: found.session.operatorId, displayName: found.session.operatorName }), now, (tx, audit) => {
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

  /**
   * "My reseller portal", opened signed in from the desk as a client window is:
   * a one-time token bound to its window, a memory-only partition, and the
   * workspace's idle and time limits. No password is ever typed into the portal.
   */
  async openResellerPortal(ctx: OperatorContext): Promise<void> {
    const { operator } = ctx;
    if (this.reseller?.operatorId === operator.id) return this.reseller.window?.focus();
    // One reseller portal at a time, its operator's: one left by someone else does not outlive them.
    await this.endResellerPortal();
    const settings = readSettings(ctx.workspace().db);
    const now = ctx.now();
    const session: ResellerPortal = {
      id: randomUUID(),
      operatorId: operator.id,
      expiresAt: now + settings.absoluteMinutes * 60_000,
      idleMs: settings.idleMinutes * 60_000,
      lastActivity: now,
      window: null,
    };
    this.reseller = session;
    ctx.write((_tx, audit) => audit({ action: 'portal.resellerSignedIn', summary: 'Opened my reseller portal, signed in from the desk' }));
    let window: PortalWindow;
    try {
      const { key, portal, issuer } = await this.ready();
      const target = portalTarget(null, portal);
      const binding = windowBinding();
      const grant = { audience: target.audience, sessionId: session.id, view: 'reseller' as const, operator: { id: operator.id, name: operator.displayName }, windowHash: binding.hash };
      window = await this.deps.shell.openPortalWindow({
        partition: `reseller-portal:${session.id}`,
        url: target.url(await signLoginToken(key, issuer, grant, now)),
        windowSecret: binding.secret,
        allowedOrigins: [target.origin],
        title: 'My reseller portal — Reseller Desk',
        accent: '#1f4e79',
        bar: null,
        onClosed: () => void this.endResellerPortal(session.id),
        onReturn: () => undefined,
        onActivity: () => {
          if (this.reseller === session) session.lastActivity = this.deps.now();
        },
      });
    } catch (error) {
      await this.endResellerPortal(session.id);
      throw error;
    }
    if (this.reseller !== session) return window.close();
    session.window = window;
  }

  /** Closes the reseller portal (the one given, or whichever is open) and forgets its portal session. */
  private async endResellerPortal(id?: string): Promise<void> {
    const session = this.reseller;
    if (!session || (id !== undefined && session.id !== id)) return;
    this.reseller = undefined;
    if (this.runtime) (await this.runtime).portal.forget(session.id);
    await session.window?.close();
  }

  /** On quit: every open session ends with the app (the windows close with the shell). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    if (this.deps.host.isOpen) await this.endAll(null, 'app-closed');
    await this.endResellerPortal();
    if (this.runtime) await (await this.runtime).portal.stop();
  }

  private changed(): void {
    const list = this.list(this.deps.signedIn());
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
        if (session) this.prolong(session, operatorActor({ id: session.operatorId, displayName: session.operatorName }));
      },
      refused: (refusal, { clientId, sessionId }) =>
        writeWithAudit(this.deps.host.database().db, { kind: 'system', name: 'Built-in portal' }, this.deps.now(), (_tx, audit) =>
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
          writeWithAudit(this.deps.host.database().db, { kind: 'system', name: 'Built-in portal' }, this.deps.now(), (_tx, audit) =>
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
      resellerSession: (sessionId) => (this.reseller?.id === sessionId ? { operatorId: this.reseller.operatorId } : null),
      resellerOverview: (sessionId) => {
        if (this.reseller?.id !== sessionId || !this.deps.host.isOpen) return null;
        const { db } = this.deps.host.database();
        const operator = loadSignedInOperator(db, this.reseller.operatorId);
        if (!operator) return null;
        return { name: operator.displayName, clients: listClients(db, { operatorId: operator.id, allClients: operator.allClients }, { query: '', offset: 0, limit: 1 }).total };
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
