import type { AuditValues } from '../../shared/audit';
import type { Actor } from '../audit/repository';
import type { ChannelName, ChannelOutput, ChannelParsedInput, Contract, EventName, EventPayload } from '../../shared/ipc/contract';
import type { AccessLevel, Permission } from '../../shared/permissions';
import type { Preferences } from '../../shared/settings';
import type { Queryable, WorkspaceDatabase } from '../db/open';
import type { Impersonation } from '../impersonation/service';
import type { Shell } from '../shell/port';
import type { WorkspaceHost } from '../workspace/host';

/** The operator a call is made by, resolved afresh from the workspace on every call. */
export interface SignedInOperator {
  id: number;
  email: string;
  displayName: string;
  role: string;
  permissions: ReadonlySet<Permission>;
  /** Accessible accounts: all clients, or only those assigned. */
  allClients: boolean;
}

export interface AuditInput {
  action: string;
  clientId?: number | null;
  /** English one-liner; the UI shows its own words for known actions. */
  summary: string;
  before?: AuditValues | null;
  after?: AuditValues | null;
  /** Who acted, where it is not the signed-in operator (sign-in attempts, the portal, first start). */
  actor?: Actor;
}
export type RecordAudit = (entry: AuditInput) => void;

/** What the main process offers every handler. */
export interface HandlerContext {
  readonly operator: SignedInOperator | null;
  now(): number;
  /** The open workspace; refuses with CONFLICT when none could be opened. */
  workspace(): WorkspaceDatabase;
  /** Runs `fn` as one transaction; its audit entries commit with it or not at all. */
  write<T>(fn: (tx: Queryable, audit: RecordAudit) => T): T;
  readonly host: WorkspaceHost;
  readonly shell: Shell;
  readonly session: { signIn(operatorId: number): void; signOut(): void };
  readonly preferences: { read(): Preferences; update(patch: Partial<Preferences>): Preferences };
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** The open client windows of this app, and the portal they log into. */
  readonly impersonation: Impersonation;
}
export interface OperatorContext extends HandlerContext {
  readonly operator: SignedInOperator;
}

type ContextFor<A> = A extends AccessLevel ? (A extends 'public' ? HandlerContext : OperatorContext) : OperatorContext;

export type Handler<C extends ChannelName> = (
  input: ChannelParsedInput<C>,
  ctx: ContextFor<Contract[C]['access']>,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** A feature's share of the channels. */
export type HandlersOf<C extends ChannelName> = { [K in C]: Handler<K> };
export type Handlers = HandlersOf<ChannelName>;
