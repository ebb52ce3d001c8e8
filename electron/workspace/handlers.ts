import { resolve } from 'node:path';
import { ADMINISTRATOR_ROLE } from '../../shared/permissions';
import type { HandlerContext, HandlersOf } from '../app/context';
import { conflict, forbidden, invalidField } from '../app/errors';
import { operatorActor } from '../audit/repository';
import { WorkspaceOpenError } from '../db/open';
import { startSession } from '../operators/handlers';
import { hashPassword } from '../operators/passwords';
import { administratorRoleId, countOperators, insertOperator } from '../operators/repository';
import { DEMO_CLIENT_COUNT, DEMO_OPERATOR } from './demo';
import { seedDemo } from './seed-demo';

export const LAST_WORKSPACE_KEY = 'lastWorkspaceFile';

function requireSetup(ctx: HandlerContext): void {
  if (ctx.host.status().state !== 'setup') {
    throw conflict('workspace.alreadySetUp', 'This workspace already has operators.');
  }
}

export const workspaceHandlers: HandlersOf<
  'workspace.status' | 'workspace.createAdministrator' | 'workspace.openDemo' | 'workspace.open' | 'workspace.browse'
> = {
  'workspace.status': (_input, ctx) => ctx.host.status(),

  'workspace.createAdministrator': async ({ displayName, email, password }, ctx) => {
    requireSetup(ctx);
    const passwordHash = await hashPassword(password);
    const now = ctx.now();
    const id = ctx.write((tx, audit) => {
      // Checked again inside the transaction: two clicks must not make two first administrators.
      if (countOperators(tx) > 0) throw conflict('workspace.alreadySetUp', 'This workspace already has operators.');
      const operatorId = insertOperator(tx, { email, displayName, passwordHash, roleId: administratorRoleId(tx), createdAt: now });
      audit({
        action: 'operator.created',
        summary: `First administrator created: ${displayName}`,
        after: { email, displayName, role: ADMINISTRATOR_ROLE },
        actor: operatorActor({ id: operatorId, displayName }),
      });
      return operatorId;
    });
    return startSession(ctx, id);
  },

  'workspace.openDemo': async (_input, ctx) => {
    requireSetup(ctx);
    const passwordHash = await hashPassword(DEMO_OPERATOR.password);
    const now = ctx.now();
    ctx.write((tx, audit) => seedDemo(tx, ctx.workspace().sealer, audit, { passwordHash, clientCount: DEMO_CLIENT_COUNT, now }));
    return ctx.host.status();
  },

  'workspace.open': ({ file, create }, ctx) => {
    if (ctx.operator) throw forbidden('workspace.signOutFirst', 'Sign out before opening another workspace.');
    const path = resolve(file);
    try {
      ctx.host.switchTo(path, create);
    } catch (error) {
      if (!(error instanceof WorkspaceOpenError)) throw error;
      throw invalidField('file', `workspace.problem.${error.problem}`, error.message, { file: path, detail: error.detail });
    }
    ctx.shell.settings.set(LAST_WORKSPACE_KEY, path);
    return ctx.host.status();
  },

  'workspace.browse': async (_input, ctx) =>
    ctx.shell.chooseWorkspaceFile ? { supported: true, file: await ctx.shell.chooseWorkspaceFile() } : { supported: false, file: null },
};
