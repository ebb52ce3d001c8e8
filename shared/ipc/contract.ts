import { z } from 'zod';
import { auditChannels } from '../audit';
import { brandingChannels } from '../branding';
import { bulkChannels } from '../client-bulk';
import { importChannels, importEvents } from '../client-import';
import { clientUserChannels } from '../client-users';
import { clientChannels } from '../clients';
import { creditChannels } from '../credits';
import { featureChannels } from '../features';
import { mailChannels } from '../mail';
import { impersonationChannels, impersonationEvents } from '../impersonation';
import { sessionChannels } from '../operators';
import { preferenceChannels, preferences } from '../settings';
import { workspaceChannels } from '../workspace';
import type { ChannelDef } from './channel';

/**
 * The IPC contract: the single source both the main process (router) and the
 * renderer (typed client) are typed from. Each feature declares its channels
 * next to its schemas; every call is validated against them.
 */
export const contract = {
  ...workspaceChannels,
  ...sessionChannels,
  ...preferenceChannels,
  ...clientChannels,
  ...bulkChannels,
  ...importChannels,
  ...featureChannels,
  ...clientUserChannels,
  ...creditChannels,
  ...brandingChannels,
  ...mailChannels,
  ...auditChannels,
  ...impersonationChannels,
} satisfies Record<string, ChannelDef>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
/** The input as a handler receives it: validated, defaults applied. */
export type ChannelParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;
/** Arguments of a call: none for channels without input. */
export type ChannelArgs<C extends ChannelName> = ChannelInput<C> extends undefined ? [] : [input: ChannelInput<C>];

export const channelNames = Object.keys(contract) as ChannelName[];
export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && Object.hasOwn(contract, name);

/** Events the main process pushes to the workspace UI. */
export const events = {
  'preferences.changed': preferences,
  ...impersonationEvents,
  ...importEvents,
} satisfies Record<string, z.ZodType>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
