import { create } from 'zustand';
import type { Brand } from '../../shared/branding';
import type { ChannelInput } from '../../shared/ipc/contract';
import { handleFailure } from '../app/failures';
import { invoke } from '../ipc/client';

/** The reseller's brand as the client view of the portal shows it. */
export const useBrand = create<{ brand: Brand | null }>(() => ({ brand: null }));
const keep = (brand: Brand) => useBrand.setState({ brand });

export function loadBrand(): void {
  invoke('branding.get').then(keep, handleFailure);
}

/** Each of these throws what the main process refused, for the form to show. */
export async function updateBrand(patch: ChannelInput<'branding.update'>): Promise<void> {
  keep(await invoke('branding.update', patch));
}

/** Stores a logo from its bytes; answers what sanitising took out of an SVG. */
export async function setLogo(data: string): Promise<string[]> {
  const { removed, ...brand } = await invoke('branding.logo.set', { data });
  keep(brand);
  return removed;
}

export async function removeLogo(): Promise<void> {
  keep(await invoke('branding.logo.remove'));
}
