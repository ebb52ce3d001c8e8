import { create } from 'zustand';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { handleFailure } from '../app/failures';
import { invoke } from '../ipc/client';

/** The tags in use, with how many clients hold each: the tag filter offers them. */
export const useTags = create<{ tags: ChannelOutput<'clients.tags'> | null }>(() => ({ tags: null }));

export function loadTags(): void {
  invoke('clients.tags').then((tags) => useTags.setState({ tags }), handleFailure);
}
