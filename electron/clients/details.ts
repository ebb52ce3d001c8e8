import type { ClientDetail, CreateClientInput } from '../../shared/clients';
import type { FieldIssue } from '../../shared/ipc/errors';
import type { AuditValues } from '../../shared/audit';
import type { HandlersOf, OperatorContext } from '../app/context';
import { invalidField } from '../app/errors';
import { operatorActor } from '../audit/repository';
import { changedFields, isEmpty } from '../app/patch';
import { inviteClientUser } from '../client-users/invite';
import { appendCredit } from '../credits/repository';
import type { Queryable } from '../db/open';
import { operatorClients } from '../db/schema';
import { outsidePlan, setClientFeatures } from '../features/repository';
import { requireChangeableClient, scopeOf } from './handlers';
import { findClient, insertClient, isReachable, liveClientWithEmail, liveClientWithName, updateClientRow, type ClientScope } from './repository';

/**
 * Duplicate rules. The contact e-mail identifies a client: no two clients
 * that are not archived may share it (a field error names the other client).
 * Company names may repeat — franchises and common trade names are real — so
 * a repeat is saved and answered with a warning naming the other client.
 * A client beyond the operator's reach is never named: a taken e-mail is
 * refused without saying whose it is, a repeated name is not mentioned.
 */
export function refuseTakenEmail(db: Queryable, scope: ClientScope, email: string, exceptId?: number): void {
  const taken = liveClientWithEmail(db, email, exceptId);
  if (!taken) return;
  if (!isReachable(db, scope, taken.id)) throw emailTakenElsewhere(email);
  throw invalidField('contactEmail', 'clients.duplicateEmail', `${email} is already the contact e-mail of client #${taken.id} (${taken.companyName}).`, {
    email,
    id: taken.id,
    companyName: taken.companyName,
  });
}

/** A contact e-mail taken by a client the operator cannot reach: the rule holds, the other client stays unnamed. */
export const emailTakenElsewhere = (email: string) =>
  invalidField('contactEmail', 'clients.duplicateEmailElsewhere', `${email} is already the contact e-mail of another client.`, { email });

function nameWarnings(db: Queryable, scope: ClientScope, companyName: string, exceptId?: number): FieldIssue[] {
  const same = liveClientWithName(db, companyName, exceptId);
  if (!same || !isReachable(db, scope, same.id)) return [];
  return [
    {
      path: 'companyName',
      key: 'clients.duplicateCompanyName',
      params: { id: same.id, companyName: same.companyName },
      message: `Client #${same.id} has the same company name (${same.companyName}); saved all the same.`,
    },
  ];
}

export function refuseOutsidePlan(db: Queryable, keys: readonly string[]): void {
  const [first] = outsidePlan(db, keys);
  if (first) {
    throw invalidField('features', 'features.notInPlan', `The feature "${first}" is not part of your plan (or does not exist).`, { feature: first });
  }
}

/** What the audit keeps of a client's details: the values as text or numbers, lists as one line; `more` joins them. */
export function auditDetails(values: Partial<Record<keyof ClientDetail, unknown>>, more?: AuditValues): AuditValues {
  const kept: AuditValues = {};
  // A loop, not entries/fromEntries: an import keeps 100,000 of these.
  for (const key in values) {
    const value = values[key as keyof ClientDetail];
    kept[key] = Array.isArray(value) ? value.join(', ') : (value as AuditValues[string]);
  }
  return more ? Object.assign(kept, more) : kept;
}

function createClient(input: CreateClientInput, ctx: OperatorContext) {
  const { features, smsCredits, callCredits, inviteFirstUser, ...details } = input;
  const actor = operatorActor(ctx.operator);
  const now = ctx.now();
  return ctx.write((tx, audit) => {
    refuseTakenEmail(tx, scopeOf(ctx), details.contactEmail);
    refuseOutsidePlan(tx, features);
    const warnings = nameWarnings(tx, scopeOf(ctx), details.companyName);
    const { sealer } = ctx.workspace();
    const id = insertClient(tx, sealer, { ...details, status: 'active' }, now);
    // An operator limited to assigned clients keeps the clients they create within reach.
    if (!ctx.operator.allClients) tx.insert(operatorClients).values({ operatorId: ctx.operator.id, clientId: id }).run();
    setClientFeatures(tx, id, features);
    for (const [kind, amount] of [['sms', smsCredits], ['call', callCredits]] as const) {
      if (amount > 0) appendCredit(tx, { clientId: id, kind, amount, reason: 'initial', note: '' }, actor, now);
    }
    audit({
      action: 'client.created',
      clientId: id,
      summary: `Client created: ${details.companyName}`,
      after: auditDetails(details, { status: 'active', features: features.join(', '), smsCredits, callCredits }),
    });
    if (inviteFirstUser) {
      inviteClientUser(tx, sealer, audit, { id, ...details }, { displayName: details.contactName, email: details.contactEmail, role: 'admin' }, now);
    }
    return { client: findClient(tx, id)!, warnings };
  });
}

export const clientDetailHandlers: HandlersOf<'clients.create' | 'clients.update' | 'clients.features.set'> = {
  'clients.create': createClient,

  'clients.update': ({ id, ...patch }, ctx) => {
    const before = requireChangeableClient(ctx, id);
    const changed = changedFields(patch, before);
    if (isEmpty(changed)) return { client: before, warnings: [] };
    return ctx.write((tx, audit) => {
      if (changed.contactEmail !== undefined) refuseTakenEmail(tx, scopeOf(ctx), changed.contactEmail, id);
      const { tags, ...columns } = changed;
      updateClientRow(tx, id, { ...columns, ...(tags && { tags: JSON.stringify(tags) }) }, ctx.now());
      audit({
        action: 'client.updated',
        clientId: id,
        summary: `Client details changed: ${Object.keys(changed).join(', ')}`,
        before: auditDetails(Object.fromEntries(Object.keys(changed).map((key) => [key, before[key as keyof ClientDetail]]))),
        after: auditDetails(changed),
      });
      return { client: findClient(tx, id)!, warnings: changed.companyName !== undefined ? nameWarnings(tx, scopeOf(ctx), changed.companyName, id) : [] };
    });
  },

  'clients.features.set': ({ id, features }, ctx) => {
    const before = requireChangeableClient(ctx, id);
    const wanted = [...new Set(features)];
    if (wanted.length === before.features.length && wanted.every((key) => before.features.includes(key))) return { features: before.features };
    return ctx.write((tx, audit) => {
      // Only newly enabled features must be in the plan; the plan cannot drop a feature clients still use.
      refuseOutsidePlan(tx, wanted.filter((key) => !before.features.includes(key)));
      setClientFeatures(tx, id, wanted);
      const after = findClient(tx, id)!.features;
      audit({ action: 'client.featuresChanged', clientId: id, summary: 'Features changed', before: { features: before.features.join(', ') }, after: { features: after.join(', ') } });
      return { features: after };
    });
  },
};
