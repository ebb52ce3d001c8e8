import type { ImportField } from '../../shared/client-import';

/**
 * The CSV columns of the export, in order; the import reads the same headers
 * (and the aliases below), so an exported file imports again. `id`, `status`
 * and `created_at` are the workspace's own and ignored on import.
 */
export const csvColumns: readonly { header: string; field: ImportField | null }[] = [
  { header: 'id', field: null },
  { header: 'status', field: null },
  { header: 'created_at', field: null },
  { header: 'company_name', field: 'companyName' },
  { header: 'contact_name', field: 'contactName' },
  { header: 'contact_email', field: 'contactEmail' },
  { header: 'contact_phone', field: 'contactPhone' },
  { header: 'street', field: 'street' },
  { header: 'postal_code', field: 'postalCode' },
  { header: 'city', field: 'city' },
  { header: 'country', field: 'country' },
  { header: 'language', field: 'language' },
  { header: 'time_zone', field: 'timeZone' },
  { header: 'tags', field: 'tags' },
  { header: 'notes', field: 'notes' },
  { header: 'seat_limit', field: 'seatLimit' },
  { header: 'features', field: 'features' },
  { header: 'sms_credits', field: 'smsCredits' },
  { header: 'call_credits', field: 'callCredits' },
];

/** Headers as people write them: "Company name", "E-Mail", "PLZ"… compared without case, spaces or punctuation. */
const aliases: Record<string, ImportField> = {
  company: 'companyName',
  companyname: 'companyName',
  firma: 'companyName',
  contact: 'contactName',
  contactname: 'contactName',
  contactperson: 'contactName',
  ansprechpartner: 'contactName',
  email: 'contactEmail',
  mail: 'contactEmail',
  emailaddress: 'contactEmail',
  contactemail: 'contactEmail',
  phone: 'contactPhone',
  contactphone: 'contactPhone',
  telephone: 'contactPhone',
  telefon: 'contactPhone',
  street: 'street',
  address: 'street',
  strasse: 'street',
  postalcode: 'postalCode',
  postcode: 'postalCode',
  zip: 'postalCode',
  zipcode: 'postalCode',
  plz: 'postalCode',
  city: 'city',
  town: 'city',
  ort: 'city',
  country: 'country',
  land: 'country',
  language: 'language',
  sprache: 'language',
  timezone: 'timeZone',
  zeitzone: 'timeZone',
  tags: 'tags',
  notes: 'notes',
  notizen: 'notes',
  seatlimit: 'seatLimit',
  seats: 'seatLimit',
  features: 'features',
  smscredits: 'smsCredits',
  callcredits: 'callCredits',
};
const exportOnly = new Set(['id', 'status', 'createdat']);

const normalised = (header: string) => header.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').toLowerCase().replace(/[^a-z0-9]/g, '');

/** The field a header names: a field, 'exportOnly' for the workspace's own columns, or null for an unknown one. */
export function fieldOfHeader(header: string): ImportField | 'exportOnly' | null {
  const key = normalised(header);
  if (exportOnly.has(key)) return 'exportOnly';
  return aliases[key] ?? null;
}

/**
 * Spreadsheets run cells that start with = + - @ (or a tab or carriage
 * return) as formulas; the export writes them with a leading apostrophe and
 * the import takes it off again, so values round-trip.
 */
const formulaStart = /^[=+\-@\t\r]/;
export const protectCell = (value: string) => (formulaStart.test(value) ? `'${value}` : value);
export const unprotectCell = (value: string) => (value.startsWith("'") && formulaStart.test(value.slice(1)) ? value.slice(1) : value);

/** Tags and features in one cell, separated by semicolons (or commas). */
export const LIST_SEPARATOR = '; ';
export const splitList = (cell: string) =>
  cell
    .split(/[;,]/)
    .map((item) => item.trim())
    .filter(Boolean);
