import { BRIDGE_GLOBAL, type Bridge } from '../../shared/ipc/bridge';
import type { ChannelArgs, ChannelName, ChannelOutput, EventName, EventPayload } from '../../shared/ipc/contract';
import type { IpcError } from '../../shared/ipc/errors';

/** A refused or failed call, with the typed error the main process sent. */
export class IpcFailure extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
  }
}

function bridge(): Bridge {
  const found = (window as unknown as Record<string, Bridge | undefined>)[BRIDGE_GLOBAL];
  if (!found) throw new Error('The workspace bridge is missing: this page must run inside Reseller Desk.');
  return found;
}

/** Calls a channel of the contract; resolves with its typed answer or throws IpcFailure. */
export async function invoke<C extends ChannelName>(channel: C, ...args: ChannelArgs<C>): Promise<ChannelOutput<C>> {
  const result = await bridge().invoke(channel, args[0]);
  if (!result.ok) throw new IpcFailure(result.error);
  return result.value as ChannelOutput<C>;
}

/** Subscribes to an event the main process pushes; returns the unsubscribe function. */
export function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bridge().on(event, (payload) => listener(payload as EventPayload<E>));
}
