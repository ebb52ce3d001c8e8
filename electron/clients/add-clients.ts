import type { Actor } from '../audit/write';
import { appendCredits } from '../credits/repository';
import type { Queryable } from '../db/open';
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
export function addClients(tx: Queryable, list: readonly ClientWithServices[], actor: Actor, now: number): number[] {
  const ids = insertClients(tx, list.map((entry) => entry.client), now);
  enableFeatures(tx, list.flatMap(({ features }, i) => features.map((featureKey) => ({ clientId: ids[i]!, featureKey }))));
  appendCredits(
    tx,
    list.flatMap(({ smsCredits, callCredits }, i) =>
      (
        [
          ['sms', smsCredits],
          ['call', callCredits],
        ] as const
      )
        .filter(([, amount]) => amount > 0)
        .map(([kind, amount]) => ({ clientId: ids[i]!, kind, amount, reason: 'initial' as const, note: '' })),
    ),
    actor,
    now,
  );
  return ids;
}
