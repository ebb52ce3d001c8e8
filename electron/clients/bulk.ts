import type { BulkResult } from '../../shared/client-bulk';
import type { ClientStatus } from '../../shared/clients';
import type { HandlersOf, OperatorContext, RecordAudit } from '../app/context';
import { invalidField, notFound } from '../app/errors';
import { balancesOf, preparedCredit } from '../credits/repository';
import type { Queryable } from '../db/open';
import { featureSwitches, findFeature } from '../features/repository';
import { refuseOutsidePlan } from './details';
import { exportClients, exportFileName } from './export';
import { scopeOf } from './handlers';
import { preparedClientUpdates, selectionState, unreachableIds } from './repository';
import { canChange, nextState, statusAction, statusSummary } from './status';

type Selected = ReturnType<typeof selectionState>[number];

/**
 * Every id must exist and be within reach; a stale selection is refused whole,
 * naming the first culprit. Clients beyond reach count as missing, so the
 * answer does not tell which of them exist (see requireReachableClient).
 */
function requireSelection(ctx: OperatorContext, db: Queryable, ids: readonly number[]): Selected[] {
  const found = selectionState(db, ids);
  const unreachable = new Set(unreachableIds(db, scopeOf(ctx), ids));
  if (found.length < ids.length || unreachable.size) {
    const known = new Set(found.map((c) => c.id));
    const missing = ids.filter((id) => !known.has(id) || unreachable.has(id));
    throw notFound('clients.bulk.missing', `${missing.length} of the selected clients no longer exist (e.g. #${missing[0]}).`, { count: missing.length, id: missing[0]! });
  }
  return found;
}

/**
 * One transaction for the whole selection, one audit entry per changed
 * client. Archived clients are left alone and counted; clients already as
 * asked are counted as unchanged and get no entry.
 */
function bulk(ctx: OperatorContext, ids: readonly number[], change: (tx: Queryable, audit: RecordAudit, client: Selected, at: number) => boolean): BulkResult {
  const result: BulkResult = { changed: 0, unchanged: 0, archived: 0 };
  const now = ctx.now();
  const selected = requireSelection(ctx, ctx.workspace().db, ids);
  const live = selected.filter((c) => c.status !== 'archived');
  result.archived = selected.length - live.length;
  try {
    ctx.write((tx, audit) => {
      for (const client of live) result[change(tx, audit, client, now) ? 'changed' : 'unchanged']++;
      if (result.changed === 0) throw new NothingChanged();
    });
  } catch (error) {
    if (!(error instanceof NothingChanged)) throw error;
  }
  return result;
}
/** Ends a bulk write that changed nothing (so it has nothing to record) without an error. */
class NothingChanged extends Error {}

const parseTags = (tags: string) => JSON.parse(tags) as string[];

export const bulkHandlers: HandlersOf<'clients.bulk.tags' | 'clients.bulk.status' | 'clients.bulk.feature' | 'clients.bulk.credits' | 'clients.bulk.export'> = {
  'clients.bulk.tags': ({ ids, add, remove }, ctx) => {
    let updates: ReturnType<typeof preparedClientUpdates> | undefined;
    return bulk(ctx, ids, (tx, audit, client, at) => {
      const before = parseTags(client.tags);
      const after = [...new Set([...before, ...add])].filter((t) => !remove.includes(t)).sort();
      if (after.join('\n') === before.join('\n')) return false;
      (updates ??= preparedClientUpdates(tx)).tags.run({ id: client.id, tags: JSON.stringify(after), at });
      audit({ action: 'client.tagged', clientId: client.id, summary: 'Tags changed (bulk)', before: { tags: before.join(', ') }, after: { tags: after.join(', ') } });
      return true;
    });
  },

  'clients.bulk.status': ({ ids, status, reason }, ctx) => {
    if (status === 'suspended' && reason === '') throw invalidField('reason', 'validation.required', 'Say why the clients are suspended.');
    const change = status === 'suspended' ? 'suspend' : 'reenable';
    let updates: ReturnType<typeof preparedClientUpdates> | undefined;
    return bulk(ctx, ids, (tx, audit, client, at) => {
      if (!canChange(change, client)) return false;
      const next = nextState(change, client, reason);
      (updates ??= preparedClientUpdates(tx)).status.run({ id: client.id, status: next.status, reason: next.suspensionReason, at });
      audit({
        action: statusAction(change),
        clientId: client.id,
        summary: `${statusSummary(change, reason)} (bulk)`,
        before: { status: client.status as ClientStatus, suspensionReason: client.suspensionReason },
        after: { ...next },
      });
      return true;
    });
  },

  'clients.bulk.feature': ({ ids, feature, enabled }, ctx) => {
    const { db } = ctx.workspace();
    if (!findFeature(db, feature)) throw invalidField('feature', 'features.unknown', `There is no feature "${feature}" in the catalogue.`, { feature });
    if (enabled) refuseOutsidePlan(db, [feature]);
    let switches: ReturnType<typeof featureSwitches> | undefined;
    return bulk(ctx, ids, (tx, audit, client) => {
      const { changes } = (switches ??= featureSwitches(tx))[enabled ? 'enable' : 'disable'].run({ clientId: client.id, featureKey: feature });
      if (changes === 0) return false;
      audit({
        action: 'client.featuresChanged',
        clientId: client.id,
        summary: `Feature ${feature} ${enabled ? 'enabled' : 'disabled'} (bulk)`,
        before: { [feature]: !enabled },
        after: { [feature]: enabled },
      });
      return true;
    });
  },

  'clients.bulk.credits': ({ ids, kind, amount, note }, ctx) => {
    const { id: operatorId, displayName } = ctx.operator;
    let insert: ReturnType<typeof preparedCredit> | undefined;
    return bulk(ctx, ids, (tx, audit, client, at) => {
      const before = balancesOf(tx, client.id)[kind];
      (insert ??= preparedCredit(tx)).run({ clientId: client.id, kind, amount, reason: 'top_up', note, operatorId, actor: displayName, at });
      audit({
        action: 'client.credits',
        clientId: client.id,
        summary: `${kind} credits +${amount} (top_up, bulk)${note ? `: ${note}` : ''}`,
        before: { [kind]: before },
        after: { [kind]: before + amount },
      });
      return true;
    });
  },

  'clients.bulk.export': ({ ids }, ctx) => {
    requireSelection(ctx, ctx.workspace().db, ids);
    return exportClients(ctx, ids, exportFileName(ctx.now()));
  },
};
