import { brandNameIn } from '../../shared/branding';
import type { ClientDetail } from '../../shared/clients';
import { featureName } from '../../shared/features';
import type { View } from '../../shared/impersonation';
import type { Language } from '../../shared/settings';
import { readBrand } from '../branding/repository';
import { listClientUsers } from '../client-users/repository';
import type { Queryable } from '../db/open';
import { listCatalogue } from '../features/repository';
import type { PortalContent } from './pages';

/** What a client's portal shows in a view: the brand, the features, the users and seats. */
export function portalContent(db: Queryable, client: ClientDetail, view: View, language: Language): PortalContent {
  // The client as read (findClient) already holds its enabled features and seats.
  const enabled = new Set(client.features);
  const brand = readBrand(db);
  return {
    client,
    language,
    brand: { name: brandNameIn(brand.displayName, language), colour: brand.primaryColour, logo: brand.logo?.dataUrl ?? null },
    // White-labelling hides some features from the client; the partner sees them all, marked.
    features: listCatalogue(db)
      .filter((f) => enabled.has(f.key) && (view === 'partner' || !f.hidden))
      .map((f) => ({ key: f.key, label: featureName(f.key, language), hiddenByWhiteLabel: f.hidden })),
    users: listClientUsers(db, client.id).map((u) => ({ name: u.displayName, email: u.email, role: u.role, status: u.status })),
    seats: { used: client.usersUsed, limit: client.seatLimit },
  };
}
