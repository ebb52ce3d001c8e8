import type { RecordAudit } from '../../app/context';
import type { Actor } from '../../audit/repository';
import type { Queryable } from '../../db/open';
import type { Sealer } from '../../db/sealed';
import { addClients } from '../add-clients';
import { auditDetails } from '../details';
import type { ImportRow } from './validate';

/**
 * Writes checked rows as new active clients in the caller's transaction, one
 * audit entry per client. No invitations are sent: an import brings records,
 * not users (invite from the client view).
 */
export function insertImported(tx: Queryable, sealer: Sealer, audit: RecordAudit, rows: readonly ImportRow[], actor: Actor, now: number, progress: (done: number) => void): void {
  // An import row is a new client with its services: passed on as it is, not copied field by field (100,000 rows).
  const ids = addClients(tx, sealer, rows.map((row) => ({ client: row, features: row.features, smsCredits: row.smsCredits, callCredits: row.callCredits })), actor, now);
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % 10_000 === 0) progress(i);
    const row = rows[i]!;
    audit({ action: 'client.imported', clientId: ids[i]!, summary: `Client imported: ${row.companyName}`, after: auditDetails(row, { status: 'active' }) });
  }
}
