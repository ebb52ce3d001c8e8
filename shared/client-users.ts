import { z } from 'zod';
import { channel } from './ipc/channel';
import { displayName, email, entityId, timestamp } from './limits';
import { seatLimit } from './clients';

export const clientUserRoles = ['admin', 'user'] as const;
export const clientUserStatuses = ['invited', 'active', 'disabled'] as const;

export const clientUser = z.object({
  id: entityId,
  clientId: entityId,
  displayName: z.string(),
  email: z.string(),
  role: z.enum(clientUserRoles),
  status: z.enum(clientUserStatuses),
  createdAt: timestamp,
  /** When the pending invitation runs out; null once accepted or for users without one. */
  invitationExpiresAt: timestamp.nullable(),
});
export type ClientUser = z.infer<typeof clientUser>;

/** A client user is invited: they set their own password through the link in the mail, never the operator. */
export const createClientUser = z.strictObject({
  clientId: entityId,
  displayName,
  email,
  role: z.enum(clientUserRoles).default('user'),
});

export const seats = z.object({ seatLimit: z.number().int(), usersUsed: z.number().int() });

export const clientUserChannels = {
  'clientUsers.list': channel({ input: z.strictObject({ clientId: entityId }), output: z.array(clientUser), access: 'clients.view' }),
  'clientUsers.create': channel({ input: createClientUser, output: clientUser, access: 'clients.edit' }),
  /** Where the client's users sign in to the built-in portal (its address names the client by a random slug); null for a client on an external platform. */
  'clientUsers.signInAddress': channel({ input: z.strictObject({ clientId: entityId }), output: z.object({ url: z.string().nullable() }), access: 'clients.view' }),
  'clients.seats.set': channel({ input: z.strictObject({ id: entityId, seatLimit }), output: seats, access: 'clients.edit' }),
};
