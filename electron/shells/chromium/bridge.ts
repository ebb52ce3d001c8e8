import { BRIDGE_GLOBAL } from '../../../shared/ipc/bridge';

/**
 * The Chromium shell's stand-in for Electron's preload: a CDP binding carries
 * calls to the main process, this script wraps it as `window.resellerDesk`
 * (the same Bridge the preload exposes) in the top frame only. Which frame a
 * call really came from is decided in the main process, never here.
 */
export const BINDING = '__resellerDeskIpc';
export const REPLY = '__resellerDeskIpcReply';
export const EMIT = '__resellerDeskEmit';

export const bridgeScript = `(() => {
  if (window !== window.top) return;
  const send = globalThis.${BINDING};
  if (typeof send !== 'function') return;
  // Answers and events arrive as JSON text, parsed here by the parser as it was when the page started.
  const parse = JSON.parse;
  let next = 0;
  const pending = new Map();
  const listeners = new Map();
  const hidden = (value) => ({ value, enumerable: false, configurable: false, writable: false });
  Object.defineProperty(globalThis, '${REPLY}', hidden((id, json) => {
    const resolve = pending.get(id);
    pending.delete(id);
    if (resolve) resolve(parse(json));
  }));
  Object.defineProperty(globalThis, '${EMIT}', hidden((event, json) => {
    const set = listeners.get(event);
    if (!set?.size) return;
    const payload = parse(json);
    for (const listener of set) listener(payload);
  }));
  Object.defineProperty(window, '${BRIDGE_GLOBAL}', hidden(Object.freeze({
    invoke: (channel, input) => new Promise((resolve) => {
      const id = ++next;
      pending.set(id, resolve);
      send(JSON.stringify({ id, channel, input }));
    }),
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  })));
})();`;
