import type { HandlersOf } from '../app/context';
import { conflict } from '../app/errors';
import { requireChangeableClient, requireReachableClient } from '../clients/handlers';
import { portalSlugOf } from '../clients/repository';
import { signInPath } from '../portal/server';
import { inviteClientUser } from './invite';
import { listClientUsers, seatsOf, setSeatLimit } from './repository';

export const clientUserHandlers: HandlersOf<'clientUsers.list' | 'clientUsers.create' | 'clientUsers.signInAddress' | 'clients.seats.set'> = {
  'clientUsers.list': ({ clientId }, ctx) => {
    requireReachableClient(ctx, clientId);
    return listClientUsers(ctx.workspace().db, clientId);
  },

  'clientUsers.create': ({ clientId, ...user }, ctx) => {
    const client = requireChangeableClient(ctx, clientId);
    return ctx.write((tx, audit) => inviteClientUser(tx, ctx.workspace().sealer, audit, client, user, ctx.now()));
  },

  'clientUsers.signInAddress': async ({ clientId }, ctx) => {
    const client = requireReachableClient(ctx, clientId);
    if (client.portalSsoUrl) return { url: null };
    return { url: `${await ctx.impersonation.portalOrigin()}${signInPath(portalSlugOf(ctx.workspace().db, clientId)!)}` };
  },

  'clients.seats.set': ({ id, seatLimit }, ctx) => {
    const client = requireChangeableClient(ctx, id);
    if (client.seatLimit === seatLimit) return { seatLimit, usersUsed: client.usersUsed };
    return ctx.write((tx, audit) => {
      const before = seatsOf(tx, id);
      if (seatLimit < before.usersUsed) {
        throw conflict('clients.seatsBelowUsed', `${before.usersUsed} users hold seats; the limit cannot go below that (asked: ${seatLimit}).`, {
          used: before.usersUsed,
          requested: seatLimit,
        });
      }
      setSeatLimit(tx, id, seatLimit, ctx.now());
      audit({ action: 'client.seats', clientId: id, summary: `Seat limit ${before.seatLimit} → ${seatLimit}`, before: { seatLimit: before.seatLimit }, after: { seatLimit } });
      return { seatLimit, usersUsed: before.usersUsed };
    });
  },
};
