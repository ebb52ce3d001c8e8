import type { CDPSession } from 'playwright-core';

/** The part of a CDP session the workspace bridge uses. */
export interface CdpLink {
  send(method: string, params?: object): Promise<unknown>;
  on(method: string, listener: (params: never) => void): void;
  /** True when calls skip playwright's client layer (see `cdpLink`). */
  readonly direct: boolean;
}

/** playwright-core's server-side CDP session, as its in-process connection hands it out. */
interface ServerCdpSession {
  _send(method: string, params?: object): Promise<unknown>;
  on(event: 'event', listener: (event: { method: string; params: unknown }) => void): void;
}

/**
 * The same CDP session, minus playwright's client/dispatcher hop. Each
 * message through the public `CDPSession` is serialised, validated and passed
 * on a later event-loop turn twice, which puts an IPC round trip at 0.8 ms
 * p50 / 1.3–1.9 ms p95; straight on the session playwright itself drives it
 * is 0.5 / 0.6–0.8 ms (scripts/bench.ts, `ipc.roundtrip`). The way in is the
 * in-process connection's `toImpl`, which playwright keeps for its own test
 * runner; playwright-core is pinned to an exact version in package.json, and
 * should a later one lack it the public session is used (tests/unit/cdp-link
 * fails first, so the upgrade is noticed).
 */
export function cdpLink(session: CDPSession): CdpLink {
  const connection = (session as unknown as { _connection?: { toImpl?: (object: unknown) => unknown } })._connection;
  const server = connection?.toImpl?.(session) as Partial<ServerCdpSession> | undefined;
  if (typeof server?._send === 'function' && typeof server.on === 'function') {
    const direct = server as ServerCdpSession;
    const listeners = new Map<string, ((params: never) => void)[]>();
    direct.on('event', ({ method, params }) => {
      for (const listener of listeners.get(method) ?? []) listener(params as never);
    });
    return {
      direct: true,
      send: (method, params) => direct._send(method, params),
      on: (method, listener) => listeners.set(method, [...(listeners.get(method) ?? []), listener]),
    };
  }
  return {
    direct: false,
    send: (method, params) => session.send(method as never, params as never),
    on: (method, listener) => session.on(method as never, listener as never),
  };
}
