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

/** The entries an operator records; `initial` comes only with a new client. */
export const entryReasons = ['top_up', 'usage', 'correction'] as const;
export type EntryReason = (typeof entryReasons)[number];

/** Signed: top-ups add (> 0), usage takes (< 0), corrections go either way and need a note. */
export const addCredits = z
  .strictObject({
    id: entityId,
    kind: z.enum(creditKinds),
    reason: z.enum(entryReasons),
    amount: z.number().int().min(-1_000_000_000).max(1_000_000_000),
    note: z.string().trim().max(500).default(''),
  })
  .superRefine(({ reason, amount, note }, ctx) => {
    const refuse = (path: 'amount' | 'note', key: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, params: { key } });
    if (amount === 0) refuse('amount', 'credits.zero', 'Enter an amount other than 0.');
    else if (reason === 'top_up' && amount < 0) refuse('amount', 'credits.topUpPositive', 'A top-up adds credits: enter a positive amount.');
    else if (reason === 'usage' && amount > 0) refuse('amount', 'credits.usageNegative', 'Usage takes credits: enter a negative amount.');
    if (reason === 'correction' && note === '') refuse('note', 'credits.noteRequired', 'Say why in a note: corrections need a reason.');
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
