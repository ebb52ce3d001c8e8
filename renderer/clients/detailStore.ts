import { create } from 'zustand';
import type { ChannelOutput } from '../../shared/ipc/contract';
import type { ClientDetail } from '../../shared/clients';
import type { FieldIssue, IpcError } from '../../shared/ipc/errors';
import { handleFailure } from '../app/failures';
import { invoke } from '../ipc/client';
import { hasPermission, useSession } from '../session/store';

/** Entries of a client's history shown in the panel (newest first). */
const HISTORY_LIMIT = 50;

export type ClientHistory = ChannelOutput<'audit.list'>;

export type OpenedClient =
  | { state: 'none' }
  | { state: 'loading'; id: number }
  /** `warnings`: what the operator should know about the last save, e.g. another client with the same company name. */
  | { state: 'loaded'; id: number; client: ClientDetail; history: ClientHistory | null; warnings: FieldIssue[] }
  /** `error` is null when the app already showed what went wrong (banner, back to sign-in). */
  | { state: 'failed'; id: number; error: IpcError | null };

export type DetailTab = 'overview' | 'users' | 'credits' | 'mail' | 'access';

interface DetailState {
  opened: OpenedClient;
  /** The right-hand panel shows the form for a new client, or for the opened client's details, instead of the client. */
  form: 'create' | 'edit' | null;
  /** The tab of the client view; kept from client to client. */
  tab: DetailTab;
}

export const useOpenedClient = create<DetailState>(() => ({ opened: { state: 'none' }, form: null, tab: 'overview' }));
const { getState: get, setState: set } = useOpenedClient;

let request = 0;

const load = (id: number) =>
  Promise.all([
    invoke('clients.get', { id }),
    hasPermission(useSession.getState().session, 'audit.view') ? invoke('audit.list', { clientId: id, limit: HISTORY_LIMIT }) : null,
  ]);

/** Loads a client and, where the operator may see it, its history; only the latest request counts. */
export async function openClient(id: number, warnings: FieldIssue[] = []): Promise<void> {
  const mine = ++request;
  const put = (opened: OpenedClient) => mine === request && set({ opened });
  set({ opened: { state: 'loading', id }, form: null });
  try {
    const [client, history] = await load(id);
    put({ state: 'loaded', id, client, history, warnings });
  } catch (thrown) {
    if (mine === request) put({ state: 'failed', id, error: handleFailure(thrown) });
  }
}

/**
 * Reads the opened client and its history again after a change, without the
 * panel going blank; `client` is the answer the change gave, shown at once.
 */
export async function refreshOpened(client?: ClientDetail, warnings: FieldIssue[] = []): Promise<void> {
  const { opened } = get();
  if (opened.state !== 'loaded') return;
  const mine = ++request;
  if (client) set({ opened: { ...opened, client, warnings } });
  try {
    const [fresh, history] = await load(opened.id);
    if (mine === request) set({ opened: { state: 'loaded', id: opened.id, client: fresh, history, warnings } });
  } catch (thrown) {
    handleFailure(thrown);
  }
}

export function closeClient(): void {
  request++;
  set({ opened: { state: 'none' }, form: null });
}

export const startCreating = () => set({ form: 'create' });
export const startEditing = () => set({ form: 'edit' });
export const closeForm = () => set({ form: null });
export const showTab = (tab: DetailTab) => set({ tab });
