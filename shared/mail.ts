import { z } from 'zod';
import { channel } from './ipc/channel';
import { entityId, pageWindow, timestamp } from './limits';

export const outboxMail = z.object({
  id: entityId,
  clientId: entityId.nullable(),
  /** The client's company name as it is now (null for mail not about a client). */
  clientName: z.string().nullable(),
  to: z.string(),
  subject: z.string(),
  /** Plain text; `{link}` stands where the sender puts the portal address of `linkPath`. */
  body: z.string(),
  /** Path on the client portal the mail links to, its one-time token hidden ("/invite/…"). */
  linkPath: z.string().nullable(),
  createdAt: timestamp,
});

export const mailChannels = {
  'mail.outbox': channel({
    input: z.strictObject({ clientId: entityId.optional(), ...pageWindow }),
    output: z.object({ total: z.number().int().nonnegative(), rows: z.array(outboxMail) }),
    access: 'clients.view',
  }),
};
