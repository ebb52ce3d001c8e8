import { z } from 'zod';

/** Field rules shared by the forms (renderer) and the channels (main process). */
export const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const displayName = z.string().trim().min(1).max(120);
export const searchText = z.string().max(200);
export const entityId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** Page window for long lists; the virtualised list asks for what is on screen. */
export const pageWindow = {
  offset: z.number().int().nonnegative().max(10_000_000).default(0),
  limit: z.number().int().positive().max(500).default(100),
};
/** Epoch milliseconds. */
export const timestamp = z.number().int().nonnegative();

/**
 * A rule zod has no built-in check for. `key` names its message in the
 * renderer's translations; the main process reports it as the field's key.
 */
export const rule = <T extends z.ZodType>(schema: T, test: (value: z.output<T>) => boolean, key: string, message: string) =>
  schema.refine(test, { message, params: { key } });

/** Characters of base64 that carry `bytes` bytes: bounds for file contents sent over IPC. */
export const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;
