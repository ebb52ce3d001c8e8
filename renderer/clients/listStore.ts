import { create } from 'zustand';
import type { ClientStatus, ClientSummary } from '../../shared/clients';
import { handleFailure } from '../app/failures';
import { invoke } from '../ipc/client';

/** Rows per `clients.list` call; the list asks only for the pages on screen. */
const PAGE_SIZE = 100;
/** Search as you type, once the typing pauses this long. */
const SEARCH_DELAY_MS = 120;
/** Scrolling asks for pages at most this often, for where the list is by then. */
const FETCH_INTERVAL_MS = 30;
/** Rows beyond the screen whose pages are fetched too, so that steady scrolling rarely meets a placeholder. */
const AHEAD_ROWS = 30;
/** Pages kept for scrolling back; the farthest from what is on screen go first. */
const MAX_CACHED_PAGES = 30;

export type StatusFilter = ClientStatus | 'all';

/** The answer to one search: its total and the pages fetched so far. */
interface ClientResults {
  /** Increases with every search; answers to an older one are dropped. */
  generation: number;
  query: string;
  status: StatusFilter;
  total: number;
  pages: ReadonlyMap<number, readonly ClientSummary[]>;
}

interface ClientListState {
  /** The search box, exactly as typed. */
  search: string;
  status: StatusFilter;
  /** What the list shows; the previous answer stays until a new search has its first page. */
  results: ClientResults | null;
  /** A search is under way. */
  searching: boolean;
  /** Pages of `results` being fetched. */
  loading: ReadonlySet<number>;
  /** Index of the selected row in `results`. */
  selected: number | null;
}

const initial: ClientListState = { search: '', status: 'all', results: null, searching: false, loading: new Set(), selected: null };
export const useClientList = create<ClientListState>(() => initial);
const { getState: get, setState: set } = useClientList;

let generation = 0;
let searchTimer: ReturnType<typeof setTimeout> | undefined;
let fetchTimer: ReturnType<typeof setTimeout> | undefined;
let onScreen: [first: number, last: number] = [0, 0];
let lastTick = 0;

const fetchPage = (query: string, status: StatusFilter, page: number) =>
  invoke('clients.list', { query, ...(status !== 'all' && { status }), offset: page * PAGE_SIZE, limit: PAGE_SIZE });

/** The row at an index, if its page is here. */
export const rowAt = (results: ClientResults, index: number): ClientSummary | undefined =>
  results.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];

/** Runs the search as it stands now: the first page replaces what the list shows. */
export function search(): void {
  clearTimeout(searchTimer);
  const { search: query, status } = get();
  const mine = ++generation;
  set({ searching: true });
  fetchPage(query, status, 0).then(
    (page) => {
      if (mine !== generation) return;
      const results = { generation: mine, query, status, total: page.total, pages: new Map([[0, page.rows]]) };
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

export function setStatusFilter(status: StatusFilter): void {
  set({ status });
  search();
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
  if (!results) return;
  const firstPage = Math.floor(Math.max(0, onScreen[0] - AHEAD_ROWS) / PAGE_SIZE);
  const lastPage = Math.floor(Math.min(onScreen[1] + AHEAD_ROWS, results.total - 1) / PAGE_SIZE);
  for (let page = firstPage; page <= lastPage; page++) {
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
  fetchPage(of.query, of.status, page).then(
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
