import { z } from 'zod';
import { exportResult, tagList } from './clients';
import { creditKinds } from './credits';
import { featureKey } from './features';
import { channel } from './ipc/channel';
import { entityId } from './limits';

export const BULK_MAX = 10_000;
/** The clients picked in the list: ids, each at most once. */
export const selection = z
  .array(entityId)
  .min(1)
  .max(BULK_MAX)
  .transform((ids) => [...new Set(ids)]);

/** What a bulk change did: clients changed, already as asked, and archived ones left alone. */
export const bulkResult = z.object({
  changed: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  archived: z.number().int().nonnegative(),
});
export type BulkResult = z.infer<typeof bulkResult>;

export const bulkChannels = {
  'clients.bulk.tags': channel({
    input: z.strictObject({ ids: selection, add: tagList.default([]), remove: tagList.default([]) }),
    output: bulkResult,
    access: 'clients.edit',
  }),
  'clients.bulk.status': channel({
    input: z.strictObject({
      ids: selection,
      status: z.enum(['suspended', 'active']),
      /** Required to suspend. */
      reason: z.string().trim().max(500).default(''),
    }),
    output: bulkResult,
    access: 'clients.status',
  }),
  'clients.bulk.feature': channel({
    input: z.strictObject({ ids: selection, feature: featureKey, enabled: z.boolean() }),
    output: bulkResult,
    access: 'clients.edit',
  }),
  'clients.bulk.credits': channel({
    input: z.strictObject({
      ids: selection,
      kind: z.enum(creditKinds),
      amount: z.number().int().min(1).max(1_000_000_000),
      note: z.string().trim().max(500).default(''),
    }),
    output: bulkResult,
    access: 'clients.credits',
  }),
  'clients.bulk.export': channel({ input: z.strictObject({ ids: selection }), output: exportResult, access: 'clients.export' }),
};
