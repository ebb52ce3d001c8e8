import { create } from 'zustand';
import type { ChannelOutput } from '../../shared/ipc/contract';
import type { ClientDetail } from '../../shared/clients';
import type { IpcError } from '../../shared/ipc/errors';
import { handleFailure } from '../app/failures';
import { invoke } from '../ipc/client';
import { hasPermission, useSession } from '../session/store';

/** Entries of a client's history shown in the panel (newest first). */
const HISTORY_LIMIT = 50;

export type ClientHistory = ChannelOutput<'audit.list'>;

export type OpenedClient =
  | { state: 'none' }
  | { state: 'loading'; id: number }
  | { state: 'loaded'; id: number; client: ClientDetail; history: ClientHistory | null }
  /** `error` is null when the app already showed what went wrong (banner, back to sign-in). */
  | { state: 'failed'; id: number; error: IpcError | null };

export const useOpenedClient = create<{ opened: OpenedClient }>(() => ({ opened: { state: 'none' } }));

let request = 0;

/** Loads a client and, where the operator may see it, its history; only the latest request counts. */
export async function openClient(id: number): Promise<void> {
  const mine = ++request;
  const set = (opened: OpenedClient) => mine === request && useOpenedClient.setState({ opened });
  set({ state: 'loading', id });
  const withHistory = hasPermission(useSession.getState().session, 'audit.view');
  try {
    const [client, history] = await Promise.all([
      invoke('clients.get', { id }),
      withHistory ? invoke('audit.list', { clientId: id, limit: HISTORY_LIMIT }) : null,
    ]);
    set({ state: 'loaded', id, client, history });
  } catch (thrown) {
    if (mine === request) set({ state: 'failed', id, error: handleFailure(thrown) });
  }
}

export function closeClient(): void {
  request++;
  useOpenedClient.setState({ opened: { state: 'none' } });
}
