import type { RecordAudit } from '../app/context';
import { operatorActor } from '../audit/repository';
import { addClients } from '../clients/add-clients';
import type { Queryable } from '../db/open';
import type { Sealer } from '../db/sealed';
import { administratorRoleId, countOperators, insertOperator } from '../operators/repository';
import { conflict } from '../app/errors';
import { DEMO_OPERATOR, DEMO_OPERATOR_NAME, demoClients, demoServices } from './demo';
import { writeMeta } from './repository';

/**
 * Fills an empty workspace with the demo operator and `clientCount` demo
 * clients (50 for "Open the demo workspace", 100,000 for benchmarks), all in
 * the caller's transaction.
 */
export function seedDemo(tx: Queryable, sealer: Sealer, audit: RecordAudit, options: { passwordHash: string; clientCount: number; now: number }): void {
  if (countOperators(tx) > 0) throw conflict('workspace.alreadySetUp', 'This workspace already has operators.');
  const operatorId = insertOperator(tx, {
    email: DEMO_OPERATOR.email,
    displayName: DEMO_OPERATOR_NAME,
    passwordHash: options.passwordHash,
    roleId: administratorRoleId(tx),
    createdAt: options.now,
  });
  const actor = operatorActor({ id: operatorId, displayName: DEMO_OPERATOR_NAME });
  writeMeta(tx, 'demo', '1');
  audit({ action: 'workspace.demoCreated', summary: `Demo workspace with ${options.clientCount} clients`, actor });
  const clients = [...demoClients(options.clientCount)];
  const services = [...demoServices(options.clientCount)];
  const ids = addClients(tx, sealer, clients.map((client, i) => ({ client, ...services[i]! })), actor, options.now);
  clients.forEach((client, i) =>
    audit({
      action: 'client.created',
      clientId: ids[i]!,
      summary: `Client created: ${client.companyName}`,
      after: { companyName: client.companyName, contactEmail: client.contactEmail, status: client.status },
      actor,
    }),
  );
}
