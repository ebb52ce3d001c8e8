import type { ClientStatus } from '../../shared/clients';
import type { HandlersOf, OperatorContext } from '../app/context';
import { conflict } from '../app/errors';
import { refuseTakenEmail } from './details';
import { requireReachableClient, scopeOf } from './handlers';
import { findClient, updateClientRow } from './repository';

export type StatusChange = 'suspend' | 'reenable' | 'archive' | 'restore';
interface StatusState {
  status: ClientStatus;
  suspensionReason: string | null;
}

/** Where each change may start. A suspension's reason survives archiving, so a restore brings the client back suspended. */
const from: Record<StatusChange, readonly ClientStatus[]> = {
  suspend: ['active'],
  reenable: ['suspended'],
  archive: ['active', 'suspended'],
  restore: ['archived'],
};

export function canChange(change: StatusChange, current: StatusState): boolean {
  return from[change].includes(current.status);
}

export function nextState(change: StatusChange, current: StatusState, reason: string): StatusState {
  switch (change) {
    case 'suspend':
      return { status: 'suspended', suspensionReason: reason };
    case 'reenable':
      return { status: 'active', suspensionReason: null };
    case 'archive':
      return { status: 'archived', suspensionReason: current.suspensionReason };
    case 'restore':
      return { status: current.suspensionReason === null ? 'active' : 'suspended', suspensionReason: current.suspensionReason };
  }
}

const verbs: Record<StatusChange, string> = { suspend: 'suspended', reenable: 're-enabled', archive: 'archived', restore: 'restored' };
export const statusAction = (change: StatusChange) => `client.${change === 'reenable' ? 'reenabled' : verbs[change]}`;
export const statusSummary = (change: StatusChange, reason: string) =>
  `Client ${verbs[change]}${change === 'suspend' ? `: ${reason}` : ''}`;

function changeStatus(ctx: OperatorContext, id: number, change: StatusChange, reason = '', contactEmail?: string) {
  const client = requireReachableClient(ctx, id);
  if (!canChange(change, client)) {
    throw conflict(`clients.cannot.${change}`, `${client.companyName} is ${client.status}; it cannot be ${verbs[change]}.`, {
      id,
      companyName: client.companyName,
      status: client.status,
    });
  }
  const next = nextState(change, client, reason);
  // Archived clients do not hold their e-mail; coming back, they must not collide with a client who took it since,
  // so a restore may bring a new one.
  const email = change === 'restore' && contactEmail && contactEmail !== client.contactEmail ? { contactEmail } : null;
  return ctx.write((tx, audit) => {
    if (change === 'restore') refuseTakenEmail(tx, scopeOf(ctx), email?.contactEmail ?? client.contactEmail, id);
    updateClientRow(tx, id, { ...next, ...email }, ctx.now());
    audit({
      action: statusAction(change),
      clientId: id,
      summary: statusSummary(change, reason) + (email ? ` with the contact e-mail ${email.contactEmail}` : ''),
      before: { status: client.status, suspensionReason: client.suspensionReason, ...(email && { contactEmail: client.contactEmail }) },
      after: { ...next, ...email },
    });
    return findClient(tx, id)!;
  });
}

export const clientStatusHandlers: HandlersOf<'clients.suspend' | 'clients.reenable' | 'clients.archive' | 'clients.restore'> = {
  'clients.suspend': ({ id, reason }, ctx) => changeStatus(ctx, id, 'suspend', reason),
  'clients.reenable': ({ id }, ctx) => changeStatus(ctx, id, 'reenable'),
  'clients.archive': ({ id }, ctx) => changeStatus(ctx, id, 'archive'),
  'clients.restore': ({ id, contactEmail }, ctx) => changeStatus(ctx, id, 'restore', '', contactEmail),
};
