import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { TestCore } from './core';

let serial = 0;
/** A new client through the channel, with a fresh contact e-mail unless given. */
export async function createClient(t: TestCore, input: Partial<ChannelInput<'clients.create'>> = {}): Promise<ChannelOutput<'clients.create'>> {
  serial++;
  return t.ok('clients.create', {
    companyName: `Company ${serial}`,
    contactName: `Contact ${serial}`,
    contactEmail: `contact${serial}@example.com`,
    inviteFirstUser: false,
    ...input,
  });
}

/** Sends a CSV file through the import channels as the renderer does: begin, pieces of at most 1 MB, preview. */
export async function previewImport(t: TestCore, content: string | Buffer, fileName = 'clients.csv') {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const { importId, chunkBytes } = await t.ok('clients.import.begin', { fileName, size: bytes.length });
  for (let at = 0; at < bytes.length; at += chunkBytes) {
    await t.ok('clients.import.chunk', { importId, data: bytes.subarray(at, at + chunkBytes).toString('base64') });
  }
  return { importId, preview: await t.ok('clients.import.preview', { importId }) };
}

/** Rows of a table with the export's headers, as CSV text. */
export const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

/** A CSV of `count` new clients with tags, features and credits, their contact e-mails unique under `domain`. */
export function clientsFile(count: number, domain: string): string {
  const lines = ['company_name,contact_name,contact_email,city,country,language,time_zone,tags,features,seat_limit,sms_credits,call_credits'];
  for (let i = 0; i < count; i++) {
    const tags = i % 3 === 0 ? 'north; wholesale' : `batch ${i % 10}`;
    const features = i % 2 === 0 ? 'calendar;invoices' : 'calendar';
    lines.push(`${domain} ${i} Trading Ltd,Person ${i},person${i}@${domain},London,GB,en,Europe/London,${tags},${features},3,${i % 200},${i % 7}`);
  }
  return csv(...lines);
}
