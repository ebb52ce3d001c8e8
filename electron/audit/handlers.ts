import type { HandlersOf } from '../app/context';
import { requireReachableClient } from '../clients/handlers';
import { listAudit } from './repository';

export const auditHandlers: HandlersOf<'audit.list'> = {
  'audit.list': ({ clientId, offset, limit }, ctx) => {
    const { db } = ctx.workspace();
    if (clientId !== undefined) requireReachableClient(ctx, clientId);
    return listAudit(db, {
      clientId,
      offset,
      limit,
      limitedTo: ctx.operator.allClients ? undefined : ctx.operator.id,
    });
  },
};
