import type { HandlersOf } from '../app/context';
import { requireReachableClient } from '../clients/handlers';
import { listOutbox } from './repository';

export const mailHandlers: HandlersOf<'mail.outbox'> = {
  'mail.outbox': ({ clientId, offset, limit }, ctx) => {
    if (clientId !== undefined) requireReachableClient(ctx, clientId);
    const { db, sealer } = ctx.workspace();
    return listOutbox(db, sealer, { clientId, offset, limit, limitedTo: ctx.operator.allClients ? undefined : ctx.operator.id });
  },
};
