import { createHash, randomBytes } from 'node:crypto';
import { brandNameIn } from '../../shared/branding';
import type { ClientUser } from '../../shared/client-users';
import type { Language } from '../../shared/settings';
import type { RecordAudit } from '../app/context';
import { conflict, invalidField } from '../app/errors';
import { readBrand } from '../branding/repository';
import type { Queryable } from '../db/open';
import type { Sealer } from '../db/sealed';
import { invitationMail } from '../mail/invitation';
import { queueMail } from '../mail/repository';
import { findClientUserByEmail, insertClientUser, insertInvitation, seatsOf } from './repository';

/** What the workspace keeps of an invitation's one-time token: the link itself leaves only in the mail. */
export const invitationTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export const INVITATION_DAYS = 7;

/**
 * Adds a client user within the client's seats and invites them: they choose
 * their own password through the link, so no operator ever sets or sees it.
 * The token is kept only as a SHA-256 hash (it is random, so no slow hash is needed).
 */
export function inviteClientUser(
  tx: Queryable,
  sealer: Sealer,
  audit: RecordAudit,
  client: { id: number; companyName: string; language: Language },
  user: { displayName: string; email: string; role: ClientUser['role'] },
  now: number,
): ClientUser {
  const { seatLimit, usersUsed } = seatsOf(tx, client.id);
  if (usersUsed >= seatLimit) {
    throw conflict('clients.seatLimitReached', `No seat left: ${usersUsed} of ${seatLimit} taken. Add seats first.`, { used: usersUsed, limit: seatLimit });
  }
  if (findClientUserByEmail(tx, client.id, user.email)) {
    throw invalidField('email', 'clientUsers.duplicateEmail', `${user.email} is already a user of this client.`, { email: user.email });
  }
  const id = insertClientUser(tx, { clientId: client.id, ...user }, now);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + INVITATION_DAYS * 24 * 60 * 60 * 1000;
  insertInvitation(tx, { clientUserId: id, tokenHash: invitationTokenHash(token), createdAt: now, expiresAt });
  queueMail(
    tx,
    sealer,
    invitationMail(client.language, {
      clientId: client.id,
      to: user.email,
      name: user.displayName,
      company: client.companyName,
      brand: brandNameIn(readBrand(tx).displayName, client.language),
      days: INVITATION_DAYS,
      token,
    }),
    now,
  );
  audit({
    action: 'clientUser.invited',
    clientId: client.id,
    summary: `Client user invited: ${user.displayName} <${user.email}>`,
    after: { displayName: user.displayName, email: user.email, role: user.role, status: 'invited' },
  });
  return { id, clientId: client.id, ...user, status: 'invited', createdAt: now, invitationExpiresAt: expiresAt };
}
