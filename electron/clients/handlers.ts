import type { ClientDetail } from '../../shared/clients';
import type { HandlersOf, OperatorContext } from '../app/context';
import { conflict, notFound } from '../app/errors';
import { findClient, isReachable, listClients, tagCounts, type ClientScope } from './repository';

export const scopeOf = (ctx: OperatorContext): ClientScope => ({
  operatorId: ctx.operator.id,
  allClients: ctx.operator.allClients,
});

/**
 * The client, if it exists and is among the operator's accessible accounts.
 * One beyond their reach answers exactly as one that does not exist: an
 * operator limited to some clients must not learn which others there are.
 */
export function requireReachableClient(ctx: OperatorContext, id: number): ClientDetail {
  const { db } = ctx.workspace();
  const client = isReachable(db, scopeOf(ctx), id) ? findClient(db, id) : undefined;
  if (!client) throw notFound('clients.notFound', 'This client does not exist (any more).', { id });
  return client;
}

/** A reachable client that is not archived: archived clients change only by being restored. */
export function requireChangeableClient(ctx: OperatorContext, id: number): ClientDetail {
  const client = requireReachableClient(ctx, id);
  if (client.status === 'archived') {
    throw conflict('clients.archived', `${client.companyName} is archived. Restore the client before changing it.`, { id, companyName: client.companyName });
  }
  return client;
}

export const clientHandlers: HandlersOf<'clients.list' | 'clients.get' | 'clients.tags'> = {
  'clients.list': (filter, ctx) => listClients(ctx.workspace().db, scopeOf(ctx), filter),
  'clients.get': ({ id }, ctx) => requireReachableClient(ctx, id),
  'clients.tags': (_input, ctx) => tagCounts(ctx.workspace().db, scopeOf(ctx)),
};
