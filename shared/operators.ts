import { z } from 'zod';
import { channel, noInput } from './ipc/channel';
import { email, entityId } from './limits';
import { permissionKeys, type Permission } from './permissions';

/** Operator passwords: long enough to resist guessing, bounded so hashing cannot be abused. */
export const operatorPassword = z.string().min(10).max(256);

export const signIn = z.strictObject({
  email,
  password: z.string().min(1).max(256),
});

export const operatorSession = z.object({
  operator: z.object({
    id: entityId,
    email: z.string(),
    displayName: z.string(),
    role: z.string(),
  }),
  permissions: z.array(z.enum(permissionKeys as [Permission, ...Permission[]])),
});
export type OperatorSession = z.infer<typeof operatorSession>;

export const sessionChannels = {
  'session.current': channel({ input: noInput, output: operatorSession.nullable(), access: 'public' }),
  'session.signIn': channel({ input: signIn, output: operatorSession, access: 'public' }),
  'session.signOut': channel({ input: noInput, output: z.null(), access: 'signedIn' }),
};
