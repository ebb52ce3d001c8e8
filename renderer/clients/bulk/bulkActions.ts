import type { TFunction } from 'i18next';
import type { BulkResult } from '../../../shared/client-bulk';
import { tagList, type ClientSummary } from '../../../shared/clients';
import type { CreditKind } from '../../../shared/credits';
import { invoke } from '../../ipc/client';
import { clientsChanged } from '../changes';
import { refreshOpened, useOpenedClient } from '../detailStore';
import { showExported, showListNotice } from '../noticeStore';
import { updatePicked, useSelection } from '../selectionStore';

/** The checked clients, as the list showed them. */
const checked = (): ClientSummary[] => [...useSelection.getState().picked.values()];
const idsOf = (clients: readonly ClientSummary[]) => clients.map((c) => c.id);

/** "Suspended. 3 clients changed · 1 already as asked · 2 archived clients left alone." */
function resultText(t: TFunction, what: string, { changed, unchanged, archived }: BulkResult): string {
  const parts = [t('bulk.result.changed', { count: changed })];
  if (unchanged) parts.push(t('bulk.result.unchanged', { count: unchanged }));
  if (archived) parts.push(t('bulk.result.archived', { count: archived }));
  return t('bulk.result.sentence', { what, parts: parts.join(' · ') });
}

/** Everything a bulk change can touch is read again, the opened client too if it was among them. */
function afterBulk(ids: readonly number[]): void {
  clientsChanged();
  const { opened } = useOpenedClient.getState();
  if (opened.state === 'loaded' && ids.includes(opened.id)) void refreshOpened();
}

/** Tags in the form the workspace keeps them (lower case, single spaces); as typed if they break a rule (the main process says which). */
const normalised = (tags: string[]) => tagList.safeParse(tags).data ?? tags;

const withTags = (tags: readonly string[], add: readonly string[], remove: readonly string[]) =>
  [...new Set([...tags, ...add])].filter((tag) => !remove.includes(tag)).sort();

/**
 * Adds and removes tags on the checked clients. Undo puts back exactly what
 * each client had: it knows their tags from the list, so a client that
 * already had an added tag keeps it.
 */
export async function bulkTags(addTyped: string[], removeTyped: string[]): Promise<void> {
  const [add, remove] = [normalised(addTyped), normalised(removeTyped)];
  const clients = checked();
  const result = await invoke('clients.bulk.tags', { ids: idsOf(clients), add, remove });
  const changed = clients.filter((c) => c.status !== 'archived' && withTags(c.tags, add, remove).join('\n') !== c.tags.join('\n'));
  const before = new Map(changed.map((c) => [c.id, c.tags]));
  updatePicked(idsOf(changed), (c) => ({ ...c, tags: withTags(c.tags, add, remove) }));
  afterBulk(idsOf(clients));
  showListNotice({
    tone: 'success',
    say: (t) => resultText(t, tagChange(t, add, remove), result),
    ...(changed.length > 0 && { undo: () => undoTags(changed, before, add, remove) }),
  });
}

/** "Tags added: vip; removed: trial": only what was asked. */
function tagChange(t: TFunction, add: string[], remove: string[]): string {
  const [added, removed] = [add.join(', '), remove.join(', ')];
  if (added && removed) return t('bulk.tags.addedRemoved', { add: added, remove: removed });
  return added ? t('bulk.tags.added', { add: added }) : t('bulk.tags.removed', { remove: removed });
}

async function undoTags(changed: ClientSummary[], before: Map<number, string[]>, add: string[], remove: string[]): Promise<void> {
  // Clients that need the same reverse change go in one call.
  const groups = new Map<string, { ids: number[]; add: string[]; remove: string[] }>();
  for (const client of changed) {
    const had = before.get(client.id)!;
    const has = withTags(had, add, remove);
    const reverse = { add: had.filter((tag) => !has.includes(tag)), remove: has.filter((tag) => !had.includes(tag)) };
    const key = JSON.stringify(reverse);
    if (!groups.has(key)) groups.set(key, { ids: [], ...reverse });
    groups.get(key)!.ids.push(client.id);
  }
  for (const group of groups.values()) await invoke('clients.bulk.tags', group);
  updatePicked(idsOf(changed), (c) => ({ ...c, tags: before.get(c.id) ?? c.tags }));
  afterBulk(idsOf(changed));
  showListNotice({ tone: 'info', say: (t) => t('bulk.tags.undone', { count: changed.length }) });
}

export async function bulkStatus(status: 'suspended' | 'active', reason = ''): Promise<void> {
  const ids = idsOf(checked());
  const result = await invoke('clients.bulk.status', { ids, status, reason });
  const from = status === 'suspended' ? 'active' : 'suspended';
  updatePicked(ids, (c) => (c.status === from ? { ...c, status } : c));
  afterBulk(ids);
  showListNotice({ tone: 'success', say: (t) => resultText(t, t(status === 'suspended' ? 'bulk.suspend.done' : 'bulk.reenable.done'), result) });
}

export async function bulkFeature(feature: string, enabled: boolean): Promise<void> {
  const ids = idsOf(checked());
  const result = await invoke('clients.bulk.feature', { ids, feature, enabled });
  afterBulk(ids);
  showListNotice({ tone: 'success', say: (t) => resultText(t, t(enabled ? 'bulk.feature.enabled' : 'bulk.feature.disabled', { feature }), result) });
}

export async function bulkCredits(kind: CreditKind, amount: number, note: string): Promise<void> {
  const ids = idsOf(checked());
  const result = await invoke('clients.bulk.credits', { ids, kind, amount, note });
  afterBulk(ids);
  showListNotice({ tone: 'success', say: (t) => resultText(t, t('bulk.credits.done', { amount, kind: t(`credits.kind.${kind}`) }), result) });
}

export async function bulkExport(): Promise<void> {
  showExported(await invoke('clients.bulk.export', { ids: idsOf(checked()) }));
}
