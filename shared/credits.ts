import { z } from 'zod';
import { channel } from './ipc/channel';
import { entityId, pageWindow, timestamp } from './limits';

export const creditKinds = ['sms', 'call'] as const;
export type CreditKind = (typeof creditKinds)[number];
/** Why credits moved: granted with the account, bought, used, or put right by an operator. */
export const creditReasons = ['initial', 'top_up', 'usage', 'correction'] as const;
export type CreditReason = (typeof creditReasons)[number];

export const creditBalances = z.object({ sms: z.number().int(), call: z.number().int() });
export type CreditBalances = z.infer<typeof creditBalances>;

/** Signed: top-ups add (> 0), usage takes (< 0), corrections go either way and need a note. */
export const addCredits = z.strictObject({
  id: entityId,
  kind: z.enum(creditKinds),
  reason: z.enum(['top_up', 'usage', 'correction']),
  amount: z.number().int().min(-1_000_000_000).max(1_000_000_000),
  note: z.string().trim().max(500).default(''),
});

export const creditEntry = z.object({
  id: entityId,
  kind: z.enum(creditKinds),
  amount: z.number().int(),
  reason: z.enum(creditReasons),
  note: z.string(),
  actor: z.string(),
  at: timestamp,
  /** The balance of this kind right after the entry. */
  balanceAfter: z.number().int(),
});

export const creditHistory = z.strictObject({
  id: entityId,
  kind: z.enum(creditKinds).optional(),
  ...pageWindow,
});

export const creditChannels = {
  'clients.credits.add': channel({ input: addCredits, output: creditBalances, access: 'clients.credits' }),
  'clients.credits.history': channel({
    input: creditHistory,
    output: z.object({ total: z.number().int().nonnegative(), rows: z.array(creditEntry) }),
    access: 'clients.view',
  }),
};
