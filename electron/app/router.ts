import { contract, isChannelName, type ChannelName } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/errors';
import type { ChannelAccess } from '../../shared/permissions';
import type { HandlerContext, Handlers } from './context';
import { AppError, toIpcError, type Log } from './errors';

/** What a shell adapter reports about the frame a call came from. */
export interface Sender {
  url: string;
  isMainFrame: boolean;
}

export interface RouterDeps {
  handlers: Handlers;
  /** Origin the workspace UI is served from; calls from anywhere else are refused. */
  workspaceOrigin: string;
  /** Builds the context for a call, with the signed-in operator as they are now. */
  context(): HandlerContext;
  log: Log;
}

export type Dispatch = (sender: Sender, channel: unknown, input: unknown) => Promise<IpcResult<unknown>>;

/**
 * The one entry for every IPC call: checks the sender, the channel, the
 * operator's right, then the input, runs the handler and checks its answer.
 * Failures come back as typed errors, never as exceptions.
 */
export function createRouter({ handlers, workspaceOrigin, context, log }: RouterDeps): Dispatch {
  return async (sender, channel, input) => {
    try {
      if (!sender.isMainFrame || originOf(sender.url) !== workspaceOrigin) {
        log('warn', `refused a call from a foreign frame: ${sender.url.slice(0, 200)}`);
        throw new AppError('FORBIDDEN', 'errors.foreignFrame', 'Calls are accepted from the workspace window only.');
      }
      if (!isChannelName(channel)) {
        throw new AppError('VALIDATION', 'errors.unknownChannel', 'There is no such channel.', {
          params: { channel: String(channel).slice(0, 80) },
        });
      }
      const def = contract[channel];
      const ctx = context();
      authorize(def.access, ctx);
      const parsed = def.input.parse(input, { reportInput: true });
      const output = await (handlers[channel] as (i: unknown, c: HandlerContext) => unknown)(parsed, ctx);
      return { ok: true, value: checkedOutput(channel, output) };
    } catch (error) {
      return { ok: false, error: toIpcError(error, log) };
    }
  };
}

function authorize(access: ChannelAccess, ctx: HandlerContext): void {
  if (access === 'public') return;
  const operator = ctx.operator;
  if (!operator) throw new AppError('UNAUTHENTICATED', 'errors.signedOut', 'Please sign in first.');
  if (access !== 'signedIn' && !operator.permissions.has(access)) {
    throw new AppError('FORBIDDEN', 'errors.missingPermission', 'Your role does not include this right.', {
      params: { permission: access },
    });
  }
}

/** Answers are checked too: a handler can never hand the renderer more (or other) than the contract says. */
function checkedOutput(channel: ChannelName, output: unknown): unknown {
  const result = contract[channel].output.safeParse(output);
  if (!result.success) throw new Error(`handler for ${channel} broke its contract: ${result.error.message}`);
  return result.data;
}

/** Scheme and host; WHATWG gives custom schemes such as app:// an opaque "null" origin. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}
