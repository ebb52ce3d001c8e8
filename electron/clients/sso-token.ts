import type { HandlersOf } from '../app/context';
import { requireChangeableClient, requireReachableClient } from './handlers';
import { maskToken, newSsoToken, setSsoToken, ssoTokenOf } from './repository';

/** The SSO token is shown masked; revealing it (to copy) is recorded, and neither entry holds the token itself. */
export const ssoTokenHandlers: HandlersOf<'clients.ssoToken.reveal' | 'clients.ssoToken.rotate'> = {
  'clients.ssoToken.reveal': ({ id }, ctx) => {
    requireReachableClient(ctx, id);
    return ctx.write((tx, audit) => {
      audit({ action: 'client.ssoTokenRevealed', clientId: id, summary: 'SSO token revealed' });
      return { token: ssoTokenOf(tx, id)! };
    });
  },

  'clients.ssoToken.rotate': ({ id }, ctx) => {
    const client = requireChangeableClient(ctx, id);
    const token = newSsoToken();
    return ctx.write((tx, audit) => {
      setSsoToken(tx, id, token, ctx.now());
      audit({
        action: 'client.ssoTokenRotated',
        clientId: id,
        summary: 'SSO token replaced; the old one no longer works',
        before: { ssoToken: client.ssoTokenMasked },
        after: { ssoToken: maskToken(token) },
      });
      return { ssoTokenMasked: maskToken(token) };
    });
  },
};
