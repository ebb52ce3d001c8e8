import { z } from 'zod';
import { channel, noInput } from './ipc/channel';
import { displayName, email } from './limits';
import { operatorPassword, operatorSession } from './operators';

export const workspaceProblems = ['corrupt', 'newer-schema', 'foreign', 'unreadable'] as const;
export type WorkspaceProblem = (typeof workspaceProblems)[number];

/**
 * How the secrets of this installation are kept: encrypted by the operating
 * system's keychain, or only in a file this user alone can read (no keychain
 * on this computer, or the Chromium shell, which has none).
 */
export const secretProtections = ['keychain', 'noKeychain', 'userFile'] as const;
export type SecretProtection = (typeof secretProtections)[number];

/**
 * What the operator must know about how this installation keeps its secrets:
 * not in the operating system's keychain (none here, or the Chromium shell);
 * SSO tokens of this workspace that were encrypted on another computer.
 */
export const workspaceNotice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('secretsNotProtected'), storage: z.enum(secretProtections).exclude(['keychain']) }),
  z.object({ kind: z.literal('ssoTokensSealedElsewhere'), tokens: z.number().int().positive() }),
]);
export type WorkspaceNotice = z.infer<typeof workspaceNotice>;

/** What the start screen shows: first-run choice, sign-in, or why the file cannot be opened. */
export const workspaceStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('setup'), file: z.string(), notices: z.array(workspaceNotice) }),
  z.object({
    state: z.literal('ready'),
    file: z.string(),
    notices: z.array(workspaceNotice),
    /** Sign-in of the demo operator, shown on the sign-in screen of a demo workspace only. */
    demoSignIn: z.object({ email: z.string(), password: z.string() }).nullable(),
  }),
  z.object({
    state: z.literal('unavailable'),
    file: z.string(),
    problem: z.enum(workspaceProblems),
    /** Technical detail (SQLite's own words), for support. */
    detail: z.string(),
  }),
]);
export type WorkspaceStatus = z.infer<typeof workspaceStatus>;

export const firstAdministrator = z.strictObject({
  displayName,
  email,
  password: operatorPassword,
});

export const openWorkspace = z.strictObject({
  file: z.string().trim().min(1).max(4096),
  /** Create a new, empty workspace there if no file exists. */
  create: z.boolean().default(false),
});

export const workspaceChannels = {
  'app.info': channel({
    input: noInput,
    output: z.object({
      version: z.string(),
      shell: z.enum(['electron', 'chromium']),
      /** Whether the shell has a native file dialog for "Browse…". */
      canBrowseFiles: z.boolean(),
    }),
    access: 'public',
  }),
  'workspace.status': channel({ input: noInput, output: workspaceStatus, access: 'public' }),
  'workspace.createAdministrator': channel({ input: firstAdministrator, output: operatorSession, access: 'public' }),
  'workspace.openDemo': channel({ input: noInput, output: workspaceStatus, access: 'public' }),
  'workspace.open': channel({ input: openWorkspace, output: workspaceStatus, access: 'public' }),
  'workspace.browse': channel({
    input: noInput,
    output: z.object({ supported: z.boolean(), file: z.string().nullable() }),
    access: 'public',
  }),
};
