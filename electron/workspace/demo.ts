import type { NewClient } from '../clients/repository';
import type { ClientStatus } from '../../shared/clients';

/** The demo operator; the sign-in screen of a demo workspace shows these. */
export const DEMO_OPERATOR = { email: 'demo@reseller-desk.test', password: 'demo-password' } as const;
export const DEMO_OPERATOR_NAME = 'Demo Operator';
export const DEMO_CLIENT_COUNT = 50;

/** mulberry32: small, fast and the same on every machine, so demo data is repeatable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Region {
  language: 'en' | 'de';
  country: string;
  timeZone: string;
  cities: readonly (readonly [city: string, postalCode: string, dialCode: string])[];
  tld: string;
}

const german = {
  trades: ['Bäckerei', 'Autohaus', 'Zahnarztpraxis', 'Steuerkanzlei', 'Blumenhaus', 'Elektrotechnik', 'Malerbetrieb', 'Physiotherapie', 'Friseursalon', 'Gasthof', 'Schreinerei', 'Optik', 'Apotheke am Markt', 'Reisebüro', 'Fahrschule', 'Tierarztpraxis', 'Immobilien', 'Sanitär', 'Weinhandlung', 'Druckerei'],
  surnames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Werner', 'Krause', 'Lehmann', 'Köhler', 'Weiß'],
  firstNames: ['Anna', 'Lukas', 'Sophie', 'Jonas', 'Marie', 'Felix', 'Lena', 'Paul', 'Hannah', 'Maximilian', 'Julia', 'Tobias', 'Katrin', 'Jürgen', 'Sabine', 'Matthias', 'Claudia', 'Stefan', 'Birgit', 'Uwe'],
  legal: ['GmbH', 'e.K.', 'GbR', 'GmbH & Co. KG', 'AG', 'OHG'],
  suspensions: ['Rechnung überfällig', 'Auf Wunsch des Kunden pausiert', 'Zahlungsmittel abgelaufen'],
  streets: ['Hauptstraße', 'Bahnhofstraße', 'Gartenweg', 'Schillerstraße', 'Goethestraße', 'Marktplatz', 'Lindenallee', 'Kirchgasse'],
};

const english = {
  trades: ['Dental Care', 'Bakery', 'Accounting', 'Fitness', 'Plumbing', 'Florist', 'Legal Services', 'Consulting', 'Veterinary Clinic', 'Print Shop', 'Coffee Roasters', 'Yoga Studio', 'Landscaping', 'Auto Repair', 'Estate Agents', 'Physiotherapy'],
  brands: ['Northwind', 'Bluebell', 'Harbour', 'Riverside', 'Oakwood', 'Summit', 'Brightside', 'Evergreen', 'Redwood', 'Silverline', 'Kingfisher', 'Meadowbrook', 'Lighthouse', 'Granite', 'Maple Leaf', 'Ashford', 'Willow', 'Copperfield', 'Highland', 'Seaside'],
  firstNames: ['Olivia', 'James', 'Amelia', 'Oliver', 'Emily', 'Harry', 'Grace', 'Jack', 'Chloe', 'Thomas', 'Sarah', 'Daniel', 'Megan', 'Michael', 'Hannah', 'David', 'Laura', 'Ryan', 'Ella', 'Samuel'],
  surnames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke'],
  legal: ['Ltd', 'LLC', 'Inc.', '& Sons', 'Co.', 'Group'],
  suspensions: ['Invoice overdue', 'Paused at the client’s request', 'Payment method expired'],
  streets: ['High Street', 'Station Road', 'Church Lane', 'Main Street', 'Park Avenue', 'Mill Road', 'Queen Street', 'Victoria Road'],
};

const regions: readonly Region[] = [
  { language: 'de', country: 'DE', timeZone: 'Europe/Berlin', tld: 'de', cities: [['Berlin', '10115', '+49 30'], ['Hamburg', '20095', '+49 40'], ['München', '80331', '+49 89'], ['Köln', '50667', '+49 221'], ['Frankfurt am Main', '60311', '+49 69'], ['Stuttgart', '70173', '+49 711'], ['Düsseldorf', '40213', '+49 211'], ['Leipzig', '04109', '+49 341'], ['Nürnberg', '90403', '+49 911'], ['Bremen', '28195', '+49 421']] },
  { language: 'de', country: 'AT', timeZone: 'Europe/Vienna', tld: 'at', cities: [['Wien', '1010', '+43 1'], ['Graz', '8010', '+43 316'], ['Salzburg', '5020', '+43 662']] },
  { language: 'de', country: 'CH', timeZone: 'Europe/Zurich', tld: 'ch', cities: [['Zürich', '8001', '+41 44'], ['Bern', '3011', '+41 31'], ['Basel', '4051', '+41 61']] },
  { language: 'en', country: 'GB', timeZone: 'Europe/London', tld: 'co.uk', cities: [['London', 'EC1A 1BB', '+44 20'], ['Manchester', 'M1 1AE', '+44 161'], ['Bristol', 'BS1 4DJ', '+44 117'], ['Edinburgh', 'EH1 1YZ', '+44 131']] },
  { language: 'en', country: 'IE', timeZone: 'Europe/Dublin', tld: 'ie', cities: [['Dublin', 'D02 X285', '+353 1'], ['Cork', 'T12 R229', '+353 21']] },
  { language: 'en', country: 'US', timeZone: 'America/New_York', tld: 'com', cities: [['New York', '10001', '+1 212'], ['Boston', '02108', '+1 617'], ['Philadelphia', '19103', '+1 215']] },
  { language: 'en', country: 'US', timeZone: 'America/Chicago', tld: 'com', cities: [['Chicago', '60601', '+1 312'], ['Austin', '78701', '+1 512']] },
  { language: 'en', country: 'US', timeZone: 'America/Los_Angeles', tld: 'com', cities: [['Seattle', '98101', '+1 206'], ['San Diego', '92101', '+1 619']] },
];

/** For e-mail addresses: "Bäckerei Müller" → "baeckerei-mueller". */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/\p{M}/gu, '')
    .replace(/&/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Realistic English and German clients, the same for the same seed. The first
 * `count` of a larger run are the same clients, so the demo workspace and the
 * 100,000-client benchmark workspace start alike.
 */
export function* demoClients(count: number, seed = 2026): Generator<NewClient & { status: ClientStatus }> {
  const next = random(seed);
  // Tags and seats come from a generator of their own, so the clients above stay the same as before they existed.
  const more = random(seed + 1);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  for (let i = 0; i < count; i++) {
    const region = pick(regions);
    const [city, postalCode, dialCode] = pick(region.cities);
    const words = region.language === 'de' ? german : english;
    const first = pick(words.firstNames);
    const last = pick(words.surnames);
    const base = region.language === 'de' ? `${pick(german.trades)} ${pick(german.surnames)}` : `${pick(english.brands)} ${pick(english.trades)}`;
    const companyName = `${base} ${pick(words.legal)}`;
    const roll = next();
    const status = roll < 0.9 ? 'active' : roll < 0.98 ? 'suspended' : 'archived';
    // Past the first thousand the index keeps e-mail addresses unique across a large workspace.
    const mailbox = i < 1000 ? `${slug(first)}.${slug(last)}` : `${slug(first)}.${slug(last)}.${i}`;
    yield {
      companyName,
      contactName: `${first} ${last}`,
      contactEmail: `${mailbox}@${slug(base)}.${region.tld}`,
      contactPhone: `${dialCode} ${String(Math.floor(next() * 9_000_000) + 1_000_000)}`,
      street: `${pick(words.streets)} ${1 + Math.floor(next() * 120)}`,
      postalCode,
      city,
      country: region.country,
      language: region.language,
      timeZone: region.timeZone,
      status,
      // Picked by position, not by the generators: the clients after it stay as they were.
      suspensionReason: status === 'suspended' ? words.suspensions[i % words.suspensions.length]! : null,
      tags: demoTags.filter(([, share]) => more() < share).map(([tag]) => tag),
      seatLimit: 1 + Math.floor(more() * 20),
    };
  }
}

/** Tags and how many clients carry each: a common one, rare ones, one with two words. */
const demoTags = [
  ['newsletter', 0.4],
  ['vip', 0.1],
  ['key account', 0.05],
  ['wholesale', 0.15],
  ['trial', 0.08],
  ['at risk', 0.03],
] as const;
/** Features of the catalogue and how many clients have each enabled. */
const demoFeatureShares = [
  ['calendar', 0.85],
  ['online-booking', 0.5],
  ['sms-reminders', 0.45],
  ['phone-calls', 0.2],
  ['invoices', 0.35],
  ['crm-contacts', 0.3],
  ['reports', 0.25],
  ['api-access', 0.05],
] as const;

/** Enabled features and initial credits of the demo clients, in the same order, repeatable. */
export function* demoServices(count: number, seed = 2027): Generator<{ features: string[]; smsCredits: number; callCredits: number }> {
  const next = random(seed);
  for (let i = 0; i < count; i++) {
    const features = demoFeatureShares.filter(([, share]) => next() < share).map(([key]) => key);
    yield { features, smsCredits: Math.floor(next() * 10) * 100, callCredits: Math.floor(next() * 4) * 60 };
  }
}
