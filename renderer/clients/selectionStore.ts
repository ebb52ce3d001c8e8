import { create } from 'zustand';
import { BULK_MAX } from '../../shared/client-bulk';
import type { ClientSummary } from '../../shared/clients';
import { handleFailure } from '../app/failures';
import { rowAt, rowsBetween, useClientList } from './listStore';

interface SelectionState {
  /**
   * The clients checked for bulk work, by id, as the list showed them. They
   * stay checked across searches: the bulk bar always says how many.
   */
  picked: ReadonlyMap<number, ClientSummary>;
  /** Where the last check started, for Shift ranges (an index in the list). */
  anchor: number | null;
  /** Rows being gathered for a range or "check all": how many are in, of how many. */
  collecting: { done: number; total: number } | null;
  /** "Check all" met the bulk limit: how many the filter had. */
  capped: number | null;
}

const initial: SelectionState = { picked: new Map(), anchor: null, collecting: null, capped: null };
export const useSelection = create<SelectionState>(() => initial);
const { getState: get, setState: set } = useSelection;

/** Dropped when the operator changes the selection again while rows are still being gathered. */
let gathering = 0;

export function togglePicked(index: number): void {
  const { results } = useClientList.getState();
  const client = results && rowAt(results, index);
  if (!client) return;
  gathering++;
  const picked = new Map(get().picked);
  if (picked.has(client.id)) picked.delete(client.id);
  else if (picked.size < BULK_MAX) picked.set(client.id, client);
  set({ picked, anchor: index, collecting: null, capped: null });
}

/** Checks every row from the anchor (else `start`, else `to` itself) to `to`, fetching rows that are not loaded. */
export function pickRange(to: number, start?: number): Promise<void> {
  const from = get().anchor ?? start ?? to;
  return gather(Math.min(from, to), Math.max(from, to), false).then(() => set({ anchor: from }));
}

/** Checks every client of the current search and filter, up to the bulk limit; replaces what was checked. */
export function pickAll(): Promise<void> {
  const total = useClientList.getState().results?.total ?? 0;
  if (total === 0) return Promise.resolve();
  return gather(0, Math.min(total, BULK_MAX) - 1, true).then(() => set({ capped: total > BULK_MAX ? total : null, anchor: null }));
}

async function gather(first: number, last: number, replace: boolean): Promise<void> {
  const { results } = useClientList.getState();
  if (!results) return;
  const mine = ++gathering;
  const total = last - first + 1;
  set({ collecting: { done: 0, total }, capped: null });
  try {
    const rows = await rowsBetween(results, first, last, (done) => mine === gathering && set({ collecting: { done, total } }));
    if (mine !== gathering) return;
    const picked = new Map(replace ? [] : get().picked);
    for (const row of rows) if (picked.size < BULK_MAX) picked.set(row.id, row);
    set({ picked, collecting: null });
  } catch (thrown) {
    if (mine === gathering) set({ collecting: null });
    handleFailure(thrown);
  }
}

export function clearPicked(): void {
  gathering++;
  set(initial);
}

/** After a bulk change: the checked clients as they are now (their tags, say). */
export function updatePicked(ids: readonly number[], change: (client: ClientSummary) => ClientSummary): void {
  const picked = new Map(get().picked);
  for (const id of ids) {
    const client = picked.get(id);
    if (client) picked.set(id, change(client));
  }
  set({ picked });
}

// Rows the list reads again (after any change) bring the checked clients' tags and status up to date;
// a new search starts ranges afresh (the anchor was a place in the old list).
useClientList.subscribe((state, previous) => {
  if (state.results?.searchId !== previous.results?.searchId && get().anchor !== null) set({ anchor: null });
  const { picked } = get();
  if (state.results === previous.results || !state.results || picked.size === 0) return;
  let fresh: Map<number, ClientSummary> | null = null;
  for (const rows of state.results.pages.values()) {
    for (const row of rows) {
      if (picked.has(row.id) && picked.get(row.id) !== row) (fresh ??= new Map(picked)).set(row.id, row);
    }
  }
  if (fresh) set({ picked: fresh });
});
