import type { Admission, View } from '../../shared/impersonation';
import type { HandlersOf } from '../app/context';
import { AppError, invalidField } from '../app/errors';
import { changedFields, isEmpty } from '../app/patch';
import { operatorActor } from '../audit/repository';
import { admission } from './gates';
import { requireReachableClient } from '../clients/handlers';
import { notOpen } from './service';
import { listHistory, readPartnerAccess, readSettings, writePartnerAccess, writeSettings } from './repository';

export const impersonationHandlers: HandlersOf<
  | 'impersonation.check'
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
  'impersonation.check': ({ clientId }, ctx) => {
    const client = requireReachableClient(ctx, clientId);
    const { db } = ctx.workspace();
    const settings = readSettings(db);
    const access = readPartnerAccess(db, clientId);
    const check = (view: View): Admission => {
      const answer = admission({ operator: ctx.operator, client, view, reason: null, settings, access, now: ctx.now() });
      if ('refusal' in answer) {
        const { key, message, extra } = answer.refusal;
        return { allowed: false, refusal: { key, message, ...(extra.params && { params: extra.params }) } };
      }
      return { allowed: true, readOnly: answer.readOnly, until: view === 'partner' ? access.partnerAccessUntil : null };
    };
    return { client: check('client'), partner: check('partner') };
  },
  'impersonation.open': (input, ctx) => ctx.impersonation.openSession(ctx, input),
  // An operator sees and acts on their own windows only: another's session id answers as one that is not open.
  'impersonation.list': (_input, ctx) => ctx.impersonation.list(ctx.operator.id),
  'impersonation.focus': ({ sessionId }, ctx) => {
    ctx.impersonation.focus(sessionId, ctx.operator);
    return null;
  },
  'impersonation.end': async ({ sessionId }, ctx) => {
    if (!(await ctx.impersonation.endOwn(sessionId, ctx.operator.id, 'ended'))) throw notOpen();
    return null;
  },
  'impersonation.endAll': async (_input, ctx) => ({ ended: await ctx.impersonation.endAll(ctx.operator.id, 'ended-all') }),
  'impersonation.extend': ({ sessionId }, ctx) => ctx.impersonation.extend(sessionId, ctx.operator),
  'impersonation.history': ({ clientId, offset, limit }, ctx) => {
    requireReachableClient(ctx, clientId);
    return listHistory(ctx.workspace().db, clientId, offset, limit);
  },
  'impersonation.settings.get': (_input, ctx) => readSettings(ctx.workspace().db),
  'impersonation.settings.update': (patch, ctx) => {
    const current = readSettings(ctx.workspace().db);
    const changed = changedFields(patch, current);
    if (isEmpty(changed)) return current;
    return ctx.write((tx, audit) => {
      const before = readSettings(tx);
      const after = { ...before, ...changed };
      if (after.idleMinutes > after.absoluteMinutes) {
        // An idle limit past the time limit would never be reached: the settings would say what does not happen.
        throw invalidField(changed.idleMinutes !== undefined ? 'idleMinutes' : 'absoluteMinutes', 'impersonation.idleAboveAbsolute', `The idle limit (${after.idleMinutes} min) cannot be longer than the time limit (${after.absoluteMinutes} min).`, {
          idle: after.idleMinutes,
          absolute: after.absoluteMinutes,
        });
      }
      writeSettings(tx, after);
      audit({ action: 'impersonation.settingsChanged', summary: 'Changed the log-in-as settings', before: { ...before }, after: { ...after } });
      return after;
    });
  },
  'impersonation.access.get': ({ clientId }, ctx) => {
    requireReachableClient(ctx, clientId);
    return readPartnerAccess(ctx.workspace().db, clientId);
  },
  'impersonation.access.update': ({ clientId, partnerAccess, partnerAccessUntil }, ctx) => {
    requireReachableClient(ctx, clientId);
    if (partnerAccess === 'allowed' && partnerAccessUntil !== null && partnerAccessUntil <= ctx.now()) {
      throw invalidField('partnerAccessUntil', 'impersonation.access.untilPast', 'Choose a day from today on: access allowed until a past day would be refused at once.');
    }
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
    await ctx.impersonation.openResellerPortal(ctx);
    return null;
  },
};
