import type { Language } from '../../shared/settings';

interface PortalText {
  dashboard: string;
  users: string;
  settings: string;
  returnToReseller: string;
  actingPartner(operator: string, client: string): string;
  actingClient(operator: string, client: string): string;
  readOnly: string;
  features: string;
  hiddenByWhiteLabel: string;
  noFeatures: string;
  noUsers: string;
  seats(used: number, limit: number): string;
  company: string;
  contact: string;
  address: string;
  status: string;
  name: string;
  email: string;
  role: string;
  endsSoon: string;
  extend: string;
}

/** The portal's own words, in the client's language. */
const en: PortalText = {
  dashboard: 'Dashboard',
  users: 'Users',
  settings: 'Account settings',
  returnToReseller: 'Return to reseller',
  actingPartner: (operator: string, client: string) => `You are acting as ${operator} for ${client} — partner view`,
  actingClient: (operator: string, client: string) => `${operator} is viewing ${client} as the client sees it`,
  readOnly: 'This client is suspended: read-only.',
  features: 'Your features',
  hiddenByWhiteLabel: 'hidden by white-label',
  noFeatures: 'No features are enabled for this account.',
  noUsers: 'No users yet.',
  seats: (used: number, limit: number) => `${used} of ${limit} user seats used`,
  company: 'Company',
  contact: 'Contact',
  address: 'Address',
  status: 'Status',
  name: 'Name',
  email: 'E-mail',
  role: 'Role',
  endsSoon: 'This session ends in less than a minute.',
  extend: 'Extend',
};

const de: PortalText = {
  dashboard: 'Übersicht',
  users: 'Benutzer',
  settings: 'Kontoeinstellungen',
  returnToReseller: 'Zurück zum Reseller',
  actingPartner: (operator, client) => `Sie handeln als ${operator} für ${client} — Partneransicht`,
  actingClient: (operator, client) => `${operator} sieht ${client} so, wie der Kunde es sieht`,
  readOnly: 'Dieser Kunde ist gesperrt: nur Lesezugriff.',
  features: 'Ihre Funktionen',
  hiddenByWhiteLabel: 'per White-Label ausgeblendet',
  noFeatures: 'Für dieses Konto sind keine Funktionen freigeschaltet.',
  noUsers: 'Noch keine Benutzer.',
  seats: (used, limit) => `${used} von ${limit} Benutzerplätzen belegt`,
  company: 'Firma',
  contact: 'Kontakt',
  address: 'Adresse',
  status: 'Status',
  name: 'Name',
  email: 'E-Mail',
  role: 'Rolle',
  endsSoon: 'Diese Sitzung endet in weniger als einer Minute.',
  extend: 'Verlängern',
};

export const portalText = (language: Language) => (language === 'de' ? de : en);
