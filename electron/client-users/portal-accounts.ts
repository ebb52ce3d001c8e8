import type { HandlerContext } from '../app/context';
import { AppError } from '../app/errors';
import { clientUserActor } from '../audit/repository';
import { findClient, findClientBySlug } from '../clients/repository';
import { hashPassword } from '../operators/passwords';
import { invitationTokenHash } from './invite';
import { throttledSignIn } from '../operators/sign-in';
import { portalContent } from '../portal/content';
import type { PortalView } from '../portal/pages';
import type { ClientUserPortal } from '../portal/server';
import type { Language } from '../../shared/settings';
import { acceptInvitation, findClientUser, findInvitation, findSignInAccount } from './repository';

/** Another acceptance used the invitation first, or it ran out meanwhile: the write rolls back. */
class InvitationTaken extends Error {}

type Invitation = NonNullable<ReturnType<typeof findInvitation>>;
/** A refused invitation still answers in its client's language where it is known. */
type Opened = { invalid: 'unknown' | 'used' | 'expired'; language: Language } | { invitation: Invitation };

/**
 * The client users' side of the built-in portal: choosing a password through
 * the invitation link (the only way a password is ever set), signing in, and
 * their own view of the client's portal.
 */
export function clientUserPortal(context: () => HandlerContext): ClientUserPortal {
  const openInvitation = (token: string): Opened => {
    const ctx = context();
    const found = findInvitation(ctx.workspace().db, invitationTokenHash(token));
    if (!found) return { invalid: 'unknown', language: 'en' };
    if (found.acceptedAt !== null) return { invalid: 'used', language: found.language };
    if (found.expiresAt <= ctx.now()) return { invalid: 'expired', language: found.language };
    return { invitation: found };
  };

  return {
    invitation: (token) => {
      const open = openInvitation(token);
      if ('invalid' in open) return open;
      const { displayName, email, companyName, language } = open.invitation;
      return { name: displayName, email, companyName, language };
    },

    acceptInvitation: async (token, password) => {
      const open = openInvitation(token);
      if ('invalid' in open) return { error: open.invalid };
      // Hashing takes a while and yields: the conditional update below, not this check, decides who wins.
      const passwordHash = await hashPassword(password);
      const ctx = context();
      const { invitation } = open;
      try {
        ctx.write((tx, audit) => {
          if (!acceptInvitation(tx, invitation.id, invitation.clientUserId, passwordHash, ctx.now())) throw new InvitationTaken();
          audit({
            action: 'clientUser.activated',
            clientId: invitation.clientId,
            summary: `${invitation.displayName} accepted the invitation and chose a password`,
            before: { status: invitation.status },
            after: { status: 'active' },
            actor: clientUserActor({ id: invitation.clientUserId, name: invitation.displayName, email: invitation.email }),
          });
        });
      } catch (error) {
        if (!(error instanceof InvitationTaken)) throw error;
        const again = openInvitation(token);
        return { error: 'invalid' in again ? again.invalid : 'used' };
      }
      return { slug: invitation.portalSlug };
    },

    signInContext: (slug) => {
      const client = findClientBySlug(context().workspace().db, slug);
      // A suspended or archived client's page reads as one that does not exist.
      return client?.status === 'active' ? { clientId: client.id, companyName: client.companyName, language: client.language } : null;
    },

    signInClientUser: async (clientId, email, password, source) => {
      const ctx = context();
      const client = findClient(ctx.workspace().db, clientId);
      if (!client) return { refused: 'unknown' };
      if (client.status !== 'active') return { refused: 'suspended' };
      const normalised = email.trim().toLowerCase();
      try {
        const account = await throttledSignIn(
          ctx,
          {
            key: `client:${clientId}:${normalised}`,
            source,
            email: normalised,
            password,
            clientId,
            account: () => findSignInAccount(ctx.workspace().db, clientId, normalised),
            actorOf: ({ id, name }) => clientUserActor({ id, name, email: normalised }),
          },
          (_tx, audit, { id, name }) => audit({ action: 'portal.clientUserSignedIn', clientId, summary: `${name} signed in to the portal`, actor: clientUserActor({ id, name, email: normalised }) }),
        );
        return { clientUserId: account.id, name: account.name };
      } catch (error) {
        if (error instanceof AppError) return error.key === 'signIn.wrong' ? { refused: 'wrong' } : { refused: 'throttled', retryAfterMs: error.extra.retryAfterMs ?? 0 };
        throw error;
      }
    },

    clientUserView: (clientUserId): PortalView | null => {
      const { db } = context().workspace();
      const user = findClientUser(db, clientUserId);
      const client = user && findClient(db, user.clientId);
      if (!user || user.status !== 'active' || !client || client.status !== 'active') return null;
      return { session: { kind: 'clientUser', view: 'client', readOnly: false, userName: user.name }, ...portalContent(db, client, 'client', client.language) };
    },
  };
}
