import manifest from '../../package.json' with { type: 'json' };
import { auditHandlers } from '../audit/handlers';
import { clientHandlers } from '../clients/handlers';
import { sessionHandlers } from '../operators/handlers';
import { preferenceHandlers } from '../preferences/preferences';
import { workspaceHandlers } from '../workspace/handlers';
import type { Handlers } from './context';

/** Every channel of the contract, each answered by its feature; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  'app.info': (_input, ctx) => ({ version: manifest.version, shell: ctx.shell.kind }),
  ...workspaceHandlers,
  ...sessionHandlers,
  ...preferenceHandlers,
  ...clientHandlers,
  ...auditHandlers,
};
