import { z } from 'zod';
import type { ChannelAccess } from '../permissions';

/** One channel: what it accepts, what it answers, and who may call it. */
export interface ChannelDef<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  A extends ChannelAccess = ChannelAccess,
> {
  input: I;
  output: O;
  access: A;
}
export const channel = <I extends z.ZodType, O extends z.ZodType, A extends ChannelAccess>(def: ChannelDef<I, O, A>) => def;
/** Input of a channel that takes none. */
export const noInput = z.undefined();
