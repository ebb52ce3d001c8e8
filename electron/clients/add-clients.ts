import type { Actor } from '../audit/repository';
import { appendCredits, type LedgerEntry } from '../credits/repository';
import type { Queryable } from '../db/open';
import type { Sealer } from '../db/sealed';
import { enableFeatures } from '../features/repository';
import { insertClients, type NewClient } from './repository';

export interface ClientWithServices {
  client: NewClient;
  features: readonly string[];
  smsCredits: number;
  callCredits: number;
}

/**
 * Many new clients with their features and initial credits (the CSV import,
 * the demo workspace), a few statements in all; the caller records them.
 */
export function addClients(tx: Queryable, sealer: Sealer, list: readonly ClientWithServices[], actor: Actor, now: number): number[] {
  const ids = insertClients(tx, sealer, list.map((entry) => entry.client), now);
  const features: { clientId: number; featureKey: string }[] = [];
  const credits: LedgerEntry[] = [];
  list.forEach((entry, i) => {
    const clientId = ids[i]!;
    for (const featureKey of entry.features) features.push({ clientId, featureKey });
    if (entry.smsCredits > 0) credits.push({ clientId, kind: 'sms', amount: entry.smsCredits, reason: 'initial', note: '' });
    if (entry.callCredits > 0) credits.push({ clientId, kind: 'call', amount: entry.callCredits, reason: 'initial', note: '' });
  });
  enableFeatures(tx, features);
  appendCredits(tx, credits, actor, now);
  return ids;
}
