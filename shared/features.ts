import { z } from 'zod';
import { channel, noInput } from './ipc/channel';
import { rule } from './limits';

/**
 * Stable key of a platform feature ("online-booking"); the catalogue itself is
 * data in the workspace, its names are below (shared by the workspace UI and
 * the portal).
 */
export const featureKey = rule(
  z.string().trim().min(1).max(40),
  (value) => /^[a-z][a-z0-9-]*$/.test(value),
  'validation.featureKey',
  'A feature key is written in lower case letters, digits and dashes, e.g. online-booking.',
);

/** Names of the platform's features in English and German; a key missing here shows as itself. */
export const featureNames: Readonly<Record<string, { en: string; de: string }>> = {
  calendar: { en: 'Calendar', de: 'Kalender' },
  'online-booking': { en: 'Online booking', de: 'Online-Buchung' },
  'sms-reminders': { en: 'SMS reminders', de: 'SMS-Erinnerungen' },
  'phone-calls': { en: 'Phone calls', de: 'Telefonie' },
  invoices: { en: 'Invoices', de: 'Rechnungen' },
  'crm-contacts': { en: 'CRM contacts', de: 'CRM-Kontakte' },
  reports: { en: 'Reports', de: 'Berichte' },
  'api-access': { en: 'API access', de: 'API-Zugang' },
  'white-label-app': { en: 'White-label mobile app', de: 'White-Label-App' },
  integrations: { en: 'Integrations', de: 'Integrationen' },
};
export const featureName = (key: string, language: 'en' | 'de'): string => featureNames[key]?.[language] ?? key;

export const catalogueFeature = z.object({
  key: z.string(),
  /** The reseller's plan allows it: only such features can be enabled for clients. */
  inPlan: z.boolean(),
  /** Hidden by white-labelling: the partner view of the portal shows it, the client view does not. */
  hidden: z.boolean(),
  /** How many clients have it enabled. */
  clients: z.number().int().nonnegative(),
});
export type CatalogueFeature = z.infer<typeof catalogueFeature>;

export const updateFeature = z.strictObject({
  key: featureKey,
  inPlan: z.boolean().optional(),
  hidden: z.boolean().optional(),
});

export const featureChannels = {
  'features.list': channel({ input: noInput, output: z.array(catalogueFeature), access: 'clients.view' }),
  'features.update': channel({ input: updateFeature, output: catalogueFeature, access: 'features.manage' }),
};
