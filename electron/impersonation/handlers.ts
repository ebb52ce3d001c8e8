import type { HandlersOf } from '../app/context';
import { requireReachableClient } from '../clients/handlers';
import { listHistory, readPartnerAccess, readSettings, writePartnerAccess, writeSettings } from './repository';

export const impersonationHandlers: HandlersOf<
  | 'impersonation.open'
  | 'impersonation.list'
  | 'impersonation.focus'
  | 'impersonation.end'
  | 'impersonation.endAll'
  | 'impersonation.extend'
  | 'impersonation.history'
  | 'impersonation.settings.get'
  | 'impersonation.settings.update'
  | 'impersonation.access.get'
  | 'impersonation.access.update'
  | 'impersonation.publicKeys'
  | 'impersonation.openResellerPortal'
> = {
  'impersonation.open': (input, ctx) => ctx.impersonation.openSession(ctx, input),
  'impersonation.list': (_input, ctx) => ctx.impersonation.list(),
  'impersonation.focus': ({ sessionId }, ctx) => {
    ctx.impersonation.focus(sessionId);
    return null;
  },
  'impersonation.end': async ({ sessionId }, ctx) => {
    ctx.impersonation.focus(sessionId);
    await ctx.impersonation.end(sessionId, 'ended');
    return null;
  },
  'impersonation.endAll': async (_input, ctx) => ({ ended: await ctx.impersonation.endAll('ended-all') }),
  'impersonation.extend': ({ sessionId }, ctx) => ctx.impersonation.extend(sessionId, { id: ctx.operator.id, name: ctx.operator.displayName }),
  'impersonation.history': ({ clientId, offset, limit }, ctx) => {
    requireReachableClient(ctx, clientId);
    return listHistory(ctx.workspace().db, clientId, offset, limit);
  },
  'impersonation.settings.get': (_input, ctx) => readSettings(ctx.workspace().db),
  'impersonation.settings.update': (patch, ctx) =>
    ctx.write((tx, audit) => {
      const before = readSettings(tx);
      const after = { ...before, ...patch };
      writeSettings(tx, after);
      audit({ action: 'impersonation.settingsChanged', summary: 'Changed the log-in-as settings', before: { ...before }, after: { ...after } });
      return after;
    }),
  'impersonation.access.get': ({ clientId }, ctx) => {
    requireReachableClient(ctx, clientId);
    return readPartnerAccess(ctx.workspace().db, clientId);
  },
  'impersonation.access.update': ({ clientId, partnerAccess, partnerAccessUntil }, ctx) => {
    requireReachableClient(ctx, clientId);
    return ctx.write((tx, audit) => {
      const before = readPartnerAccess(tx, clientId);
      writePartnerAccess(tx, clientId, partnerAccess, partnerAccessUntil);
      audit({
        action: 'impersonation.accessChanged',
        clientId,
        summary: `Partner access ${partnerAccess}${partnerAccessUntil ? ' until a date' : ''}`,
        before: { partnerAccess: before.partnerAccess, partnerAccessUntil: before.partnerAccessUntil },
        after: { partnerAccess, partnerAccessUntil },
      });
      return readPartnerAccess(tx, clientId);
    });
  },
  'impersonation.publicKeys': (_input, ctx) => ctx.impersonation.publicKeys(),
  'impersonation.openResellerPortal': async (_input, ctx) => {
    await ctx.impersonation.openResellerPortal();
    return null;
  },
};
