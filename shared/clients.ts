import { z } from 'zod';
import { channel, noInput } from './ipc/channel';
import { fieldIssue } from './ipc/errors';
import { featureKey } from './features';
import { displayName, email, entityId, pageWindow, rule, searchText, timestamp } from './limits';
import { languages } from './settings';

export const clientStatuses = ['active', 'suspended', 'archived'] as const;
export type ClientStatus = (typeof clientStatuses)[number];

export const clientSorts = ['name', 'created', 'status'] as const;
export const sortDirections = ['asc', 'desc'] as const;

/** International form: a plus, the country code and 7 to 15 digits in all; spaces, dots, dashes and brackets allowed. */
export const phone = rule(
  z.string().trim().max(40),
  (value) => value === '' || (/^\+[1-9][\d ().-]*$/.test(value) && /^\d{7,15}$/.test(value.replace(/\D/g, ''))),
  'validation.phone',
  'Enter the number in international form, e.g. +49 30 1234567 (7 to 15 digits after the +).',
);

export const countryCode = rule(
  z.string().trim().toUpperCase().max(100),
  (value) => value === '' || /^[A-Z]{2}$/.test(value),
  'validation.country',
  'Use the two-letter country code, e.g. DE or GB.',
);

/** Remembered answers: an import checks the same few zones 100,000 times. */
const knownTimeZones = new Map<string, boolean>();
function isTimeZone(value: string): boolean {
  let known = knownTimeZones.get(value);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      known = true;
    } catch {
      known = false;
    }
    if (knownTimeZones.size < 1000) knownTimeZones.set(value, known);
  }
  return known;
}
export const timeZone = rule(z.string().trim().min(1).max(64), isTimeZone, 'validation.timeZone', 'Choose a time zone such as Europe/Berlin.');

/** A portal on this computer (development, or a platform's local agent) may use plain http. */
const loopbackHosts = ['localhost', '127.0.0.1', '[::1]'];

/** Where "log in" leads for a client with an external portal; the impersonation feature fills in the one-time token. */
export const ssoUrlTemplate = rule(
  z.string().trim().max(2000),
  (value) => {
    if (!value.includes('{token}')) return false;
    try {
      const url = new URL(value.replaceAll('{token}', 'token'));
      return url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.includes(url.hostname));
    } catch {
      return false;
    }
  },
  'validation.ssoUrlTemplate',
  'Enter an https:// address that contains {token}, e.g. https://portal.example.com/sso?token={token} (http:// only for a portal on this computer).',
);

/** Tags are kept in lower case with single spaces, so "Key  Account" and "key account" are one tag. */
export const tag = rule(
  z
    .string()
    .trim()
    .max(40)
    .transform((value) => value.replace(/\s+/g, ' ').toLowerCase()),
  (value) => /[\p{L}\p{N}]/u.test(value) && !/[,;\p{Cc}]/u.test(value),
  'validation.tag',
  'A tag has 1 to 40 characters, at least one letter or digit, and no commas or semicolons.',
);
export const tagList = z
  .array(tag)
  .max(20)
  .transform((tags) => [...new Set(tags)].sort());

export const seatLimit = z.number().int().min(1).max(100_000);
/** Credits granted at once: whole units, bounded so sums stay exact. */
export const creditAmount = z.number().int().min(0).max(1_000_000_000);

/** The editable details of a client, shared by create, edit and the CSV import. */
export const clientFields = {
  companyName: displayName,
  contactName: displayName,
  contactEmail: email,
  contactPhone: phone,
  street: z.string().trim().max(200),
  postalCode: z.string().trim().max(20),
  city: z.string().trim().max(120),
  country: countryCode,
  language: z.enum(languages),
  timeZone,
  /** null: the built-in portal. */
  portalSsoUrl: ssoUrlTemplate.nullable(),
  tags: tagList,
  notes: z.string().trim().max(5000),
};

export const clientSummary = z.object({
  id: entityId,
  companyName: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  city: z.string(),
  country: z.string(),
  status: z.enum(clientStatuses),
  tags: z.array(z.string()),
  createdAt: timestamp,
});
export type ClientSummary = z.infer<typeof clientSummary>;

export const clientDetail = clientSummary.extend({
  contactPhone: z.string(),
  street: z.string(),
  postalCode: z.string(),
  language: z.enum(languages),
  timeZone: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
  notes: z.string(),
  portalSsoUrl: z.string().nullable(),
  /** Why the client was suspended; kept while archived, so a restore brings the suspension back. */
  suspensionReason: z.string().nullable(),
  seatLimit: z.number().int(),
  /** Client users holding a seat: invited or active, not disabled. */
  usersUsed: z.number().int(),
  credits: z.object({ sms: z.number().int(), call: z.number().int() }),
  /** Enabled feature keys. */
  features: z.array(z.string()),
  /** The SSO token with all but its last characters hidden; `clients.ssoToken.reveal` shows it whole. */
  ssoTokenMasked: z.string(),
});
export type ClientDetail = z.infer<typeof clientDetail>;

/** Which clients: shared by the list, the export of the current filter, and the bulk selection in the UI. */
export const clientFilter = {
  /** Search as you type: every word matches the start of a word in name, contact, e-mail or tags; "123" or "#123" also finds client 123. */
  query: searchText.default(''),
  status: z.enum(clientStatuses).optional(),
  tag: tag.optional(),
  feature: featureKey.optional(),
  sort: z.enum(clientSorts).default('name'),
  direction: z.enum(sortDirections).default('asc'),
};

export const listClients = z.strictObject({ ...clientFilter, ...pageWindow });
export type ListClientsInput = z.input<typeof listClients>;

export const clientPage = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  rows: z.array(clientSummary),
});
export type ClientPage = z.infer<typeof clientPage>;

export const clientRef = z.strictObject({ id: entityId });

export const createClient = z.strictObject({
  ...clientFields,
  contactPhone: phone.default(''),
  street: clientFields.street.default(''),
  postalCode: clientFields.postalCode.default(''),
  city: clientFields.city.default(''),
  country: countryCode.default(''),
  language: clientFields.language.default('en'),
  timeZone: timeZone.default('UTC'),
  portalSsoUrl: clientFields.portalSsoUrl.default(null),
  tags: tagList.default([]),
  notes: clientFields.notes.default(''),
  features: z.array(featureKey).max(100).default([]),
  seatLimit: seatLimit.default(5),
  smsCredits: creditAmount.default(0),
  callCredits: creditAmount.default(0),
  /** "Let the client configure the password": invite the contact as the first client user (an administrator). */
  inviteFirstUser: z.boolean().default(true),
});
export type CreateClientInput = z.output<typeof createClient>;

/** Only the fields given change. */
export const updateClient = z.strictObject(clientFields).partial().extend({ id: entityId });

/** A saved client and what the operator should know about it, e.g. another client with the same company name. */
export const clientSaved = z.object({ client: clientDetail, warnings: z.array(fieldIssue) });

export const exportResult = z.object({
  /** Where the file was written; null when the operator cancelled the save dialog. */
  file: z.string().nullable(),
  rows: z.number().int().nonnegative(),
});

export const clientChannels = {
  'clients.list': channel({ input: listClients, output: clientPage, access: 'clients.view' }),
  'clients.get': channel({ input: clientRef, output: clientDetail, access: 'clients.view' }),
  'clients.tags': channel({
    input: noInput,
    output: z.array(z.object({ tag: z.string(), clients: z.number().int() })),
    access: 'clients.view',
  }),
  'clients.create': channel({ input: createClient, output: clientSaved, access: 'clients.edit' }),
  'clients.update': channel({ input: updateClient, output: clientSaved, access: 'clients.edit' }),
  'clients.features.set': channel({
    input: z.strictObject({ id: entityId, features: z.array(featureKey).max(100) }),
    output: z.object({ features: z.array(z.string()) }),
    access: 'clients.edit',
  }),
  'clients.suspend': channel({
    input: z.strictObject({ id: entityId, reason: z.string().trim().min(1).max(500) }),
    output: clientDetail,
    access: 'clients.status',
  }),
  'clients.reenable': channel({ input: clientRef, output: clientDetail, access: 'clients.status' }),
  'clients.archive': channel({ input: clientRef, output: clientDetail, access: 'clients.status' }),
  /** `contactEmail`: a new one, for when a client that is not archived took the old one meanwhile. */
  'clients.restore': channel({ input: clientRef.extend({ contactEmail: email.optional() }), output: clientDetail, access: 'clients.status' }),
  'clients.ssoToken.reveal': channel({ input: clientRef, output: z.object({ token: z.string() }), access: 'clients.ssoToken' }),
  'clients.ssoToken.rotate': channel({ input: clientRef, output: z.object({ ssoTokenMasked: z.string() }), access: 'clients.ssoToken' }),
  'clients.export': channel({ input: z.strictObject(clientFilter), output: exportResult, access: 'clients.export' }),
};
