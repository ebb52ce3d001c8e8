import { create } from 'zustand';
import type { ClientStatus, ClientSummary, clientSorts, ListClientsInput, sortDirections } from '../../shared/clients';
import { handleFailure } from '../app/failures';
import { invoke } from '../ipc/client';

/** Rows per `clients.list` call; the list asks only for the pages on screen. */
const PAGE_SIZE = 100;
/** Rows per call when many rows are wanted at once (a range or "select all"): the most one call may ask for. */
const BATCH_SIZE = 500;
/** Search as you type, once the typing pauses this long. */
const SEARCH_DELAY_MS = 120;
/** Scrolling asks for pages at most this often, for where the list is by then. */
const FETCH_INTERVAL_MS = 30;
/** Rows beyond the screen whose pages are fetched too, so that steady scrolling rarely meets a placeholder. */
const AHEAD_ROWS = 30;
/** Pages kept for scrolling back; the farthest from what is on screen go first. */
const MAX_CACHED_PAGES = 30;

export type StatusFilter = ClientStatus | 'all';
export type ClientSort = (typeof clientSorts)[number];
export type SortDirection = (typeof sortDirections)[number];

/** Which clients the list shows and in what order; '' for no tag or feature filter. */
export interface ListFilter {
  query: string;
  status: StatusFilter;
  tag: string;
  feature: string;
  sort: ClientSort;
  direction: SortDirection;
}

/** The answer to one search: its total and the pages fetched so far. */
export interface ClientResults extends ListFilter {
  /** Increases with every search and refresh; answers to an older one are dropped. */
  generation: number;
  /** Changes with every new search (not with a refresh): the list then starts at the top. */
  searchId: number;
  total: number;
  pages: ReadonlyMap<number, readonly ClientSummary[]>;
}

interface ClientListState extends Omit<ListFilter, 'query'> {
  /** The search box, exactly as typed. */
  search: string;
  /** What the list shows; the previous answer stays until a new search has its first page. */
  results: ClientResults | null;
  /** A search is under way. */
  searching: boolean;
  /** Pages of `results` being fetched. */
  loading: ReadonlySet<number>;
  /** Index of the selected row in `results`. */
  selected: number | null;
}

const initial: ClientListState = {
  search: '',
  status: 'all',
  tag: '',
  feature: '',
  sort: 'name',
  direction: 'asc',
  results: null,
  searching: false,
  loading: new Set(),
  selected: null,
};
export const useClientList = create<ClientListState>(() => initial);
const { getState: get, setState: set } = useClientList;

/** The filter as the list, the export and "select all" send it. */
export const listInput = ({ query, status, tag, feature, sort, direction }: ListFilter): ListClientsInput => ({
  query,
  sort,
  direction,
  ...(status !== 'all' && { status }),
  ...(tag && { tag }),
  ...(feature && { feature }),
});

/** Whether anything besides the search text narrows the list. */
export const isFiltered = (filter: ListFilter) => filter.status !== 'all' || filter.tag !== '' || filter.feature !== '';

/** The filter as it stands now (the search box as typed). */
function currentFilter(): ListFilter {
  const { search: query, status, tag, feature, sort, direction } = get();
  return { query, status, tag, feature, sort, direction };
}

const fetchRows = (filter: ListFilter, offset: number, limit: number) => invoke('clients.list', { ...listInput(filter), offset, limit });
const fetchPage = (filter: ListFilter, page: number) => fetchRows(filter, page * PAGE_SIZE, PAGE_SIZE);

let generation = 0;
let searchTimer: ReturnType<typeof setTimeout> | undefined;
let fetchTimer: ReturnType<typeof setTimeout> | undefined;
let onScreen: [first: number, last: number] = [0, 0];
let lastTick = 0;

/** The row at an index, if its page is here. */
export const rowAt = (results: ClientResults, index: number): ClientSummary | undefined =>
  results.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];

/** Runs the search as it stands now: the first page replaces what the list shows. */
export function search(): void {
  clearTimeout(searchTimer);
  const filter = currentFilter();
  const mine = ++generation;
  set({ searching: true });
  fetchPage(filter, 0).then(
    (page) => {
      if (mine !== generation) return;
      const results = { ...filter, generation: mine, searchId: mine, total: page.total, pages: new Map([[0, page.rows]]) };
      set({ results, searching: false, loading: new Set(), selected: null });
    },
    (thrown) => {
      if (mine !== generation) return;
      set({ searching: false });
      handleFailure(thrown);
    },
  );
}

export function setSearch(text: string): void {
  set({ search: text });
  clearTimeout(searchTimer);
  searchTimer = setTimeout(search, SEARCH_DELAY_MS);
}

export function clearSearch(): void {
  set({ search: '' });
  search();
}

/** Every client, newest first: where clients just added (an import) are on top. */
export function showNewest(): void {
  set({ search: '', status: 'all', tag: '', feature: '', sort: 'created', direction: 'desc' });
  search();
}

/** Changes the status, tag or feature filter or the order, and searches at once. */
export function setFilter(patch: Partial<Omit<ListFilter, 'query'>>): void {
  set(patch);
  search();
}

/**
 * Reads the rows on screen again for the same search, after a change to
 * clients: the list keeps its place and its selected row.
 */
export function refreshList(): void {
  const { results, searching } = get();
  // A search under way brings fresh rows itself (and a refresh would drop its answer).
  if (!results || searching) return;
  const mine = ++generation;
  const pages = pagesAround(results.total);
  Promise.all(pages.map((page) => fetchPage(results, page))).then(
    (answers) => {
      if (mine !== generation) return;
      const total = answers[0]?.total ?? 0;
      const fresh = new Map(pages.map((page, i) => [page, answers[i]!.rows]));
      const { selected } = get();
      set({
        results: { ...results, generation: mine, total, pages: fresh },
        loading: new Set(),
        selected: selected === null || total === 0 ? null : Math.min(selected, total - 1),
      });
    },
    (thrown) => {
      if (mine === generation) set({ loading: new Set() });
      handleFailure(thrown);
    },
  );
}

/** The pages the list shows now, with those just beyond the screen. */
function pagesAround(total: number): number[] {
  const first = Math.floor(Math.max(0, onScreen[0] - AHEAD_ROWS) / PAGE_SIZE);
  const last = Math.floor(Math.max(0, Math.min(onScreen[1] + AHEAD_ROWS, total - 1)) / PAGE_SIZE);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * The rows from index `first` to `last` of a search: from the pages at hand
 * where possible, the rest fetched in batches; `progress` hears how many are in.
 */
export async function rowsBetween(of: ClientResults, first: number, last: number, progress: (done: number) => void): Promise<ClientSummary[]> {
  const rows: ClientSummary[] = [];
  let index = first;
  while (index <= last) {
    const cached = rowAt(of, index);
    if (cached) {
      rows.push(cached);
      index++;
      continue;
    }
    const batch = await fetchRows(of, index, Math.min(BATCH_SIZE, last - index + 1));
    if (batch.rows.length === 0) break;
    rows.push(...batch.rows);
    index += batch.rows.length;
    progress(rows.length);
  }
  return rows;
}

/** The list shows rows `first` to `last`: the pages they are on are fetched soon, if missing. */
export function showRows(first: number, last: number): void {
  onScreen = [first, last];
  fetchSoon();
}

/**
 * Fetches for where the list is when the timer fires. While it moves more
 * than a page per tick (the scrollbar dragged across thousands of rows), the
 * pages flown past are not worth asking for: it waits until the list slows down.
 */
function fetchSoon(): void {
  fetchTimer ??= setTimeout(() => {
    fetchTimer = undefined;
    const moved = Math.abs(onScreen[0] - lastTick);
    lastTick = onScreen[0];
    if (moved > PAGE_SIZE) fetchSoon();
    else fetchMissingPages();
  }, FETCH_INTERVAL_MS);
}

function fetchMissingPages(): void {
  const { results, loading } = get();
  if (!results || results.total === 0) return;
  for (const page of pagesAround(results.total)) {
    if (!results.pages.has(page) && !loading.has(page)) fetchInto(results, page);
  }
}

function fetchInto(of: ClientResults, page: number): void {
  set((s) => ({ loading: new Set(s.loading).add(page) }));
  const settle = (update: (current: ClientResults) => Partial<ClientListState>) => {
    const current = get().results;
    if (current?.generation !== of.generation) return;
    const loading = new Set(get().loading);
    loading.delete(page);
    set({ loading, ...update(current) });
  };
  fetchPage(of, page).then(
    (answer) => settle((current) => ({ results: { ...current, total: answer.total, pages: withPage(current.pages, page, answer.rows) } })),
    (thrown) => {
      settle(() => ({}));
      handleFailure(thrown);
    },
  );
}

/** Adds a page, dropping the cached pages farthest from it beyond the limit. */
function withPage(pages: ClientResults['pages'], page: number, rows: readonly ClientSummary[]): ClientResults['pages'] {
  const next = new Map(pages).set(page, rows);
  const farthestFirst = [...next.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
  for (const evicted of farthestFirst.slice(0, Math.max(0, next.size - MAX_CACHED_PAGES))) next.delete(evicted);
  return next;
}

export function select(index: number): void {
  const total = get().results?.total ?? 0;
  if (total > 0) set({ selected: Math.min(Math.max(index, 0), total - 1) });
}

/** Forgets everything, e.g. when the operator signs out. */
export function resetClientList(): void {
  clearTimeout(searchTimer);
  clearTimeout(fetchTimer);
  fetchTimer = undefined;
  lastTick = 0;
  generation++;
  set(initial);
}
