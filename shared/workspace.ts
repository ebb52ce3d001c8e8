import { z } from 'zod';
import { displayName, email } from './limits';
import { operatorPassword } from './operators';

export const workspaceProblems = ['corrupt', 'newer-schema', 'foreign', 'unreadable'] as const;
export type WorkspaceProblem = (typeof workspaceProblems)[number];

/** What the start screen shows: first-run choice, sign-in, or why the file cannot be opened. */
export const workspaceStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('setup'), file: z.string() }),
  z.object({
    state: z.literal('ready'),
    file: z.string(),
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
