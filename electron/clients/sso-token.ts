import type { HandlersOf } from '../app/context';
import { conflict } from '../app/errors';
import { requireChangeableClient, requireReachableClient } from './handlers';
import { newSsoToken, setSsoToken, ssoTokenOf } from './repository';

/** The SSO token is shown masked; revealing it (to copy) is recorded, and neither entry holds the token itself. */
export const ssoTokenHandlers: HandlersOf<'clients.ssoToken.reveal' | 'clients.ssoToken.rotate'> = {
  'clients.ssoToken.reveal': ({ id }, ctx) => {
    requireReachableClient(ctx, id);
    return ctx.write((tx, audit) => {
      const token = ssoTokenOf(tx, ctx.workspace().sealer, id);
      // Refused, and so not recorded as revealed: there is nothing to show.
      if (!token) {
        throw conflict(
          'clients.ssoTokenSealedElsewhere',
          'This SSO token was encrypted on another computer, and this computer does not have its key, so it cannot be shown. Replace the token to issue a new one.',
          { id },
        );
      }
      audit({ action: 'client.ssoTokenRevealed', clientId: id, summary: 'SSO token revealed' });
      return { token };
    });
  },

  'clients.ssoToken.rotate': ({ id }, ctx) => {
    const client = requireChangeableClient(ctx, id);
    const token = newSsoToken();
    return ctx.write((tx, audit) => {
      const masked = setSsoToken(tx, ctx.workspace().sealer, id, token, ctx.now());
      audit({
        action: 'client.ssoTokenRotated',
        clientId: id,
        summary: 'SSO token replaced; the old one no longer works',
        before: { ssoToken: client.ssoTokenMasked },
        after: { ssoToken: masked },
      });
      return { ssoTokenMasked: masked };
    });
  },
};
