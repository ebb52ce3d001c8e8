import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/open';
import { clients } from '../db/schema';
import { assignedClientIds } from '../operators/repository';
import { mailOutbox } from './schema';

export interface QueuedMail {
  clientId: number | null;
  to: string;
  subject: string;
  body: string;
  linkPath: string | null;
}

export function queueMail(db: Queryable, mail: QueuedMail, at: number): void {
  db.insert(mailOutbox)
    .values({ clientId: mail.clientId, toAddress: mail.to, subject: mail.subject, bodyText: mail.body, linkPath: mail.linkPath, createdAt: at })
    .run();
}

/** One-time tokens in link paths ("/invite/<token>") are for the recipient only. */
const hideToken = (path: string | null) => path?.replace(/[^/]+$/, '…') ?? null;

export function listOutbox(db: Queryable, filter: { clientId?: number | undefined; limitedTo?: number | undefined; offset: number; limit: number }) {
  const where: SQL | undefined = and(
    filter.clientId !== undefined ? eq(mailOutbox.clientId, filter.clientId) : undefined,
    filter.limitedTo !== undefined
      ? inArray(mailOutbox.clientId, assignedClientIds(filter.limitedTo))
      : undefined,
  );
  const total = db.select({ n: count() }).from(mailOutbox).where(where).get()?.n ?? 0;
  const rows = db
    .select({ mail: mailOutbox, clientName: clients.companyName })
    .from(mailOutbox)
    .leftJoin(clients, eq(clients.id, mailOutbox.clientId))
    .where(where)
    .orderBy(desc(mailOutbox.id))
    .limit(filter.limit)
    .offset(filter.offset)
    .all()
    .map(({ mail: m, clientName }) => ({
      id: m.id,
      clientId: m.clientId,
      clientName,
      to: m.toAddress,
      subject: m.subject,
      body: m.bodyText,
      linkPath: hideToken(m.linkPath),
      createdAt: m.createdAt,
    }));
  return { total, rows };
}
