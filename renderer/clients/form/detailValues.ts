import type { ClientDetail } from '../../../shared/clients';
import type { Language } from '../../../shared/settings';
import { splitTags } from '../../portfolio/forms';

/** The text fields of a client's details, as the form holds them. */
const textFields = ['companyName', 'contactName', 'contactEmail', 'contactPhone', 'street', 'postalCode', 'city', 'country', 'portalSsoUrl', 'tags', 'notes'] as const;
export type TextField = (typeof textFields)[number];

export interface DetailValues extends Record<TextField, string> {
  language: Language;
  timeZone: string;
  portal: 'builtin' | 'external';
}

/** Field names that show their own errors: the details and the portal choice. */
export const detailFields = [...textFields, 'language', 'timeZone'] as const;

/** A new client's details start in the operator's language and time zone. */
export function newDetails(language: Language): DetailValues {
  return {
    ...(Object.fromEntries(textFields.map((field) => [field, ''])) as Record<TextField, string>),
    language,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    portal: 'builtin',
  };
}

export function detailsOf(client: ClientDetail): DetailValues {
  return {
    ...(Object.fromEntries(textFields.map((field) => [field, field === 'tags' ? client.tags.join(', ') : (client[field] ?? '')])) as Record<TextField, string>),
    language: client.language,
    timeZone: client.timeZone,
    portal: client.portalSsoUrl === null ? 'builtin' : 'external',
  };
}

/** The details as `clients.create` and `clients.update` take them. */
export function detailInput({ portal, portalSsoUrl, tags, ...values }: DetailValues) {
  return { ...values, portalSsoUrl: portal === 'external' ? portalSsoUrl : null, tags: splitTags(tags) };
}
