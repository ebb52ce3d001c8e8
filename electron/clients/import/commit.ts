import type { RecordAudit } from '../../app/context';
import type { Actor } from '../../audit/write';
import type { Queryable } from '../../db/open';
import { addClients } from '../add-clients';
import { auditDetails } from '../details';
import type { ImportRow } from './validate';

/**
 * Writes checked rows as new active clients in the caller's transaction, one
 * audit entry per client. No invitations are sent: an import brings records,
 * not users (invite from the client view).
 */
export function insertImported(tx: Queryable, audit: RecordAudit, rows: readonly ImportRow[], actor: Actor, now: number, progress: (done: number) => void): void {
  const ids = addClients(
    tx,
    rows.map(({ features, smsCredits, callCredits, ...details }) => ({ client: { ...details, status: 'active' }, features, smsCredits, callCredits })),
    actor,
    now,
  );
  rows.forEach(({ features, smsCredits, callCredits, ...details }, i) => {
    if (i > 0 && i % 10_000 === 0) progress(i);
    audit({
      action: 'client.imported',
      clientId: ids[i]!,
      summary: `Client imported: ${details.companyName}`,
      after: { ...auditDetails(details), status: 'active', features: features.join(', '), smsCredits, callCredits },
    });
  });
}
