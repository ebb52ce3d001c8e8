import { z } from 'zod';
import { auditPage, listAudit } from '../audit';
import { clientDetail, clientPage, clientRef, listClients } from '../clients';
import { operatorSession, signIn } from '../operators';
import type { ChannelAccess } from '../permissions';
import { preferences, preferencesPatch } from '../settings';
import { firstAdministrator, openWorkspace, workspaceStatus } from '../workspace';

/** One channel: what it accepts, what it answers, and who may call it. */
export interface ChannelDef<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  A extends ChannelAccess = ChannelAccess,
> {
  input: I;
  output: O;
  access: A;
}
const channel = <I extends z.ZodType, O extends z.ZodType, A extends ChannelAccess>(def: ChannelDef<I, O, A>) => def;
const none = z.undefined();

/**
 * The IPC contract: the single source both the main process (router) and the
 * renderer (typed client) are typed from. Every call is validated against it.
 */
export const contract = {
  'app.info': channel({
    input: none,
    output: z.object({ version: z.string(), shell: z.enum(['electron', 'chromium']) }),
    access: 'public',
  }),

  'workspace.status': channel({ input: none, output: workspaceStatus, access: 'public' }),
  'workspace.createAdministrator': channel({ input: firstAdministrator, output: operatorSession, access: 'public' }),
  'workspace.openDemo': channel({ input: none, output: workspaceStatus, access: 'public' }),
  'workspace.open': channel({ input: openWorkspace, output: workspaceStatus, access: 'public' }),
  'workspace.browse': channel({
    input: none,
    output: z.object({ supported: z.boolean(), file: z.string().nullable() }),
    access: 'public',
  }),

  'session.current': channel({ input: none, output: operatorSession.nullable(), access: 'public' }),
  'session.signIn': channel({ input: signIn, output: operatorSession, access: 'public' }),
  'session.signOut': channel({ input: none, output: z.null(), access: 'signedIn' }),

  'preferences.get': channel({ input: none, output: preferences, access: 'public' }),
  'preferences.update': channel({ input: preferencesPatch, output: preferences, access: 'public' }),

  'clients.list': channel({ input: listClients, output: clientPage, access: 'clients.view' }),
  'clients.get': channel({ input: clientRef, output: clientDetail, access: 'clients.view' }),

  'audit.list': channel({ input: listAudit, output: auditPage, access: 'audit.view' }),
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
} satisfies Record<string, z.ZodType>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
