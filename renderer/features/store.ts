import { create } from 'zustand';
import type { ChannelInput } from '../../shared/ipc/contract';
import type { CatalogueFeature } from '../../shared/features';
import { handleFailure } from '../app/failures';
import { invoke } from '../ipc/client';

/** The platform's features as the workspace has them: plan, white-label flag and how many clients use each. */
export const useCatalogue = create<{ features: CatalogueFeature[] | null }>(() => ({ features: null }));

/** Reads the catalogue (again): after anything that changes which clients use what. */
export function loadCatalogue(): void {
  invoke('features.list').then((features) => useCatalogue.setState({ features }), handleFailure);
}

/** Changes a feature's plan or white-label flag; throws what the main process refused (a feature still in use). */
export async function updateFeature(patch: ChannelInput<'features.update'>): Promise<void> {
  const changed = await invoke('features.update', patch);
  useCatalogue.setState((s) => ({ features: s.features?.map((f) => (f.key === changed.key ? changed : f)) ?? null }));
}

/** Features the plan allows: the only ones that can be enabled for clients. */
export const inPlan = (features: CatalogueFeature[] | null) => features?.filter((f) => f.inPlan) ?? [];
