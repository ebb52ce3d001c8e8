import type { ClientStatus } from '../../shared/clients';
import type { clientUserRoles, clientUserStatuses } from '../../shared/client-users';
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
  signedInAs(name: string): string;
  signOut: string;
  signIn: string;
  password: string;
  repeatPassword: string;
  signInTo(company: string): string;
  choosePassword(name: string, company: string): string;
  choosePasswordHint: string;
  setPassword: string;
  passwordSet: string;
  invitation: Record<'unknown' | 'used' | 'expired' | 'mismatch' | 'weak', string>;
  signInRefused: Record<'wrong', string>;
  /** An unknown address and a client that may not sign in (suspended, archived) read alike. */
  signInUnavailable: string;
  /** A sign-in form that breaks the rules (an e-mail that is none, a password of more than 256 characters). */
  signInInvalid: string;
  /** A request above the portal's body limit. */
  tooLarge: string;
  /** A throttled sign-in: how long to wait, in seconds below a minute, else in minutes. */
  tryAgainIn(waitMs: number): string;
  partnerConsole: string;
  clientStatus: Record<ClientStatus, string>;
  userRole: Record<(typeof clientUserRoles)[number], string>;
  userStatus: Record<(typeof clientUserStatuses)[number], string>;
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
  signedInAs: (name) => `Signed in as ${name}`,
  signOut: 'Sign out',
  signIn: 'Sign in',
  password: 'Password',
  repeatPassword: 'Repeat password',
  signInTo: (company) => `Sign in to ${company}`,
  choosePassword: (name, company) => `Welcome, ${name}: choose your password for ${company}`,
  choosePasswordHint: 'At least 10 characters. Nobody else, not even your provider, ever sees it.',
  setPassword: 'Set password',
  passwordSet: 'Your password is set. Please sign in.',
  invitation: {
    unknown: 'This invitation link is not valid. Please ask your provider for a new one.',
    used: 'This invitation has been used already. Sign in with the password you chose.',
    expired: 'This invitation has expired. Please ask your provider for a new one.',
    mismatch: 'The two passwords are not the same.',
    weak: 'Choose a password of 10 to 256 characters and type it twice.',
  },
  signInRefused: {
    wrong: 'That e-mail and password do not match.',
  },
  signInUnavailable: 'This sign-in page is not available. Please use the address your provider gave you, or ask them.',
  signInInvalid: 'Enter a valid e-mail address and your password (at most 256 characters).',
  tooLarge: 'What was sent is too large for this form (at most 64 KB). Nothing was saved.',
  tryAgainIn: (waitMs: number) =>
    waitMs < 60_000
      ? `Too many attempts. Please wait ${Math.ceil(waitMs / 1000)} seconds before trying again.`
      : `Too many attempts. Please wait ${Math.ceil(waitMs / 60_000)} minutes before trying again.`,
  partnerConsole: 'Partner console',
  clientStatus: { active: 'Active', suspended: 'Suspended', archived: 'Archived' },
  userRole: { admin: 'Administrator', user: 'User' },
  userStatus: { invited: 'Invited', active: 'Active', disabled: 'Disabled' },
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
  signedInAs: (name) => `Angemeldet als ${name}`,
  signOut: 'Abmelden',
  signIn: 'Anmelden',
  password: 'Passwort',
  repeatPassword: 'Passwort wiederholen',
  signInTo: (company) => `Bei ${company} anmelden`,
  choosePassword: (name, company) => `Willkommen, ${name}: Wählen Sie Ihr Passwort für ${company}`,
  choosePasswordHint: 'Mindestens 10 Zeichen. Niemand sonst, auch nicht Ihr Anbieter, bekommt es je zu sehen.',
  setPassword: 'Passwort festlegen',
  passwordSet: 'Ihr Passwort ist festgelegt. Bitte melden Sie sich an.',
  invitation: {
    unknown: 'Dieser Einladungslink ist ungültig. Bitte fordern Sie bei Ihrem Anbieter einen neuen an.',
    used: 'Diese Einladung wurde bereits verwendet. Melden Sie sich mit Ihrem gewählten Passwort an.',
    expired: 'Diese Einladung ist abgelaufen. Bitte fordern Sie bei Ihrem Anbieter eine neue an.',
    mismatch: 'Die beiden Passwörter stimmen nicht überein.',
    weak: 'Wählen Sie ein Passwort mit 10 bis 256 Zeichen und geben Sie es zweimal ein.',
  },
  signInRefused: {
    wrong: 'E-Mail-Adresse und Passwort passen nicht zusammen.',
  },
  signInUnavailable: 'Diese Anmeldeseite ist nicht verfügbar. Bitte verwenden Sie die Adresse von Ihrem Anbieter, oder fragen Sie ihn.',
  signInInvalid: 'Geben Sie eine gültige E-Mail-Adresse und Ihr Passwort ein (höchstens 256 Zeichen).',
  tooLarge: 'Das Gesendete ist für dieses Formular zu groß (höchstens 64 KB). Es wurde nichts gespeichert.',
  tryAgainIn: (waitMs: number) =>
    waitMs < 60_000
      ? `Zu viele Versuche. Bitte warten Sie ${Math.ceil(waitMs / 1000)} Sekunden, bevor Sie es erneut versuchen.`
      : `Zu viele Versuche. Bitte warten Sie ${Math.ceil(waitMs / 60_000)} Minuten, bevor Sie es erneut versuchen.`,
  partnerConsole: 'Partnerkonsole',
  clientStatus: { active: 'Aktiv', suspended: 'Gesperrt', archived: 'Archiviert' },
  userRole: { admin: 'Administrator', user: 'Benutzer' },
  userStatus: { invited: 'Eingeladen', active: 'Aktiv', disabled: 'Deaktiviert' },
};

export const portalText = (language: Language) => (language === 'de' ? de : en);
