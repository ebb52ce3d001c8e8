import type { HandlersOf } from '../app/context';
import { AppError } from '../app/errors';
import { operatorActor } from '../audit/repository';
import { requireChangeableClient, requireReachableClient } from '../clients/handlers';
import { appendCredit, balancesOf, creditHistory } from './repository';

export const creditHandlers: HandlersOf<'clients.credits.add' | 'clients.credits.history'> = {
  'clients.credits.add': ({ id, kind, reason, amount, note }, ctx) => {
    // Zero, a sign against the kind of entry and a correction without a note are refused by the contract (shared/credits.ts).
    requireChangeableClient(ctx, id);
    return ctx.write((tx, audit) => {
      const before = balancesOf(tx, id);
      const after = before[kind] + amount;
      if (after < 0) {
        throw new AppError('CONFLICT', 'credits.wouldGoNegative', `The ${kind} balance is ${before[kind]}; taking ${-amount} would make it negative.`, {
          params: { kind, balance: before[kind], amount },
        });
      }
      appendCredit(tx, { clientId: id, kind, amount, reason, note }, operatorActor(ctx.operator), ctx.now());
      audit({
        action: 'client.credits',
        clientId: id,
        summary: `${kind} credits ${amount > 0 ? '+' : ''}${amount} (${reason})${note ? `: ${note}` : ''}`,
        before: { [kind]: before[kind] },
        after: { [kind]: after },
      });
      return balancesOf(tx, id);
    });
  },

  'clients.credits.history': ({ id, ...filter }, ctx) => {
    requireReachableClient(ctx, id);
    return creditHistory(ctx.workspace().db, { clientId: id, ...filter });
  },
};
