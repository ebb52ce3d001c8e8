import { z } from 'zod';
import { channel } from './ipc/channel';
import { entityId, pageWindow, searchText, timestamp } from './limits';
import { languages } from './settings';

export const clientStatuses = ['active', 'suspended', 'archived'] as const;
export type ClientStatus = (typeof clientStatuses)[number];

export const clientSummary = z.object({
  id: entityId,
  companyName: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  city: z.string(),
  country: z.string(),
  status: z.enum(clientStatuses),
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
});
export type ClientDetail = z.infer<typeof clientDetail>;

export const listClients = z.strictObject({
  /** Search as you type: every word matches the start of a word in name, contact or e-mail. */
  query: searchText.default(''),
  status: z.enum(clientStatuses).optional(),
  ...pageWindow,
});
export type ListClientsInput = z.input<typeof listClients>;

export const clientPage = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  rows: z.array(clientSummary),
});
export type ClientPage = z.infer<typeof clientPage>;

export const clientRef = z.strictObject({ id: entityId });

export const clientChannels = {
  'clients.list': channel({ input: listClients, output: clientPage, access: 'clients.view' }),
  'clients.get': channel({ input: clientRef, output: clientDetail, access: 'clients.view' }),
};
