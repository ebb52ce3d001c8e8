import manifest from '../../package.json' with { type: 'json' };
import { auditHandlers } from '../audit/handlers';
import { brandingHandlers } from '../branding/handlers';
import { clientUserHandlers } from '../client-users/handlers';
import { bulkHandlers } from '../clients/bulk';
import { clientDetailHandlers } from '../clients/details';
import { exportHandlers } from '../clients/export';
import { clientHandlers } from '../clients/handlers';
import { importHandlers } from '../clients/import/handlers';
import { ssoTokenHandlers } from '../clients/sso-token';
import { clientStatusHandlers } from '../clients/status';
import { creditHandlers } from '../credits/handlers';
import { featureHandlers } from '../features/handlers';
import { mailHandlers } from '../mail/handlers';
import { impersonationHandlers } from '../impersonation/handlers';
import { sessionHandlers } from '../operators/handlers';
import { preferenceHandlers } from '../preferences/preferences';
import { workspaceHandlers } from '../workspace/handlers';
import type { Handlers } from './context';

/** Every channel of the contract, each answered by its feature; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  'app.info': (_input, ctx) => ({ version: manifest.version, shell: ctx.shell.kind, canBrowseFiles: ctx.shell.chooseWorkspaceFile !== null }),
  ...workspaceHandlers,
  ...sessionHandlers,
  ...preferenceHandlers,
  ...clientHandlers,
  ...clientDetailHandlers,
  ...clientStatusHandlers,
  ...ssoTokenHandlers,
  ...exportHandlers,
  ...bulkHandlers,
  ...importHandlers,
  ...featureHandlers,
  ...clientUserHandlers,
  ...creditHandlers,
  ...brandingHandlers,
  ...mailHandlers,
  ...auditHandlers,
  ...impersonationHandlers,
};
