import { and, count, desc, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/open';
import { unsealed, type Sealer } from '../db/sealed';
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

/** What a link path is sealed for (db/sealed.ts). */
const LINK_CONTEXT = 'mail_outbox.link_path';

/** Queues a mail; its link, which carries a one-time token, is kept sealed. */
export function queueMail(db: Queryable, sealer: Sealer, mail: QueuedMail, at: number): void {
  const linkPath = mail.linkPath === null ? null : sealer.seal(mail.linkPath, LINK_CONTEXT);
  db.insert(mailOutbox).values({ clientId: mail.clientId, toAddress: mail.to, subject: mail.subject, bodyText: mail.body, linkPath, createdAt: at }).run();
}

/** The link of a queued mail as the sender needs it; null if it has none or it was sealed on another computer. */
export const openLink = (sealer: Sealer, stored: string | null) => (stored === null ? null : sealer.open(stored, LINK_CONTEXT));

/** One-time tokens in link paths ("/invite/<token>") are for the recipient only; a link that cannot be opened here shows as hidden too. */
const hideToken = (sealer: Sealer, stored: string | null) => (stored === null ? null : (openLink(sealer, stored) ?? '…').replace(/[^/]+$/, '…'));

/** Seals the links stored in clear before migration 013. */
export function sealStoredLinks(db: Queryable, sealer: Sealer): number {
  const plain = db
    .select({ id: mailOutbox.id, linkPath: mailOutbox.linkPath })
    .from(mailOutbox)
    .where(and(isNotNull(mailOutbox.linkPath), unsealed(mailOutbox.linkPath)))
    .all();
  for (const { id, linkPath } of plain) {
    db.update(mailOutbox).set({ linkPath: sealer.seal(linkPath!, LINK_CONTEXT) }).where(eq(mailOutbox.id, id)).run();
  }
  return plain.length;
}

export function listOutbox(db: Queryable, sealer: Sealer, filter: { clientId?: number | undefined; limitedTo?: number | undefined; offset: number; limit: number }) {
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
      linkPath: hideToken(sealer, m.linkPath),
      createdAt: m.createdAt,
    }));
  return { total, rows };
}
