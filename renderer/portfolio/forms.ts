import type { z } from 'zod';
import type { FieldIssue } from '../../shared/ipc/errors';
import { zodFieldIssues } from '../../shared/ipc/field-issues';
import { IpcFailure } from '../ipc/client';

/** Problems the form finds before sending, shaped like the main process's own field errors. */
export const invalidFields = (fields: FieldIssue[]) =>
  new IpcFailure({ code: 'VALIDATION', key: 'errors.validation', message: 'Some fields need attention.', fields });

export const invalid = (path: string, key: string, message: string, params?: Record<string, string | number>) =>
  invalidFields([{ path, key, message, ...(params && { params }) }]);

/**
 * Checks input against the rules its channel applies before sending it, so
 * every field's problem shows at once, in the main process's words (what
 * only the workspace knows, a taken e-mail say, still comes from there).
 * `found`: the form's own findings; a field has one problem at a time.
 */
export function checkBeforeSending(schema: z.ZodType, input: unknown, found: FieldIssue[] = []): void {
  const result = schema.safeParse(input, { reportInput: true });
  const field = (issue: FieldIssue) => issue.path.split('.')[0];
  const ruled = result.success ? [] : zodFieldIssues(result.error).filter((issue) => !found.some((f) => field(f) === field(issue)));
  if (found.length || ruled.length) throw invalidFields([...found, ...ruled]);
}

/** Field errors of list items ("tags.2", "add.0") belong to the field of the whole list ("tags", "add"). */
export function atFields(thrown: unknown): unknown {
  if (!(thrown instanceof IpcFailure) || !thrown.error.fields) return thrown;
  return new IpcFailure({ ...thrown.error, fields: thrown.error.fields.map((issue) => ({ ...issue, path: issue.path.split('.')[0]! })) });
}

/** A whole number as typed (spaces allowed), or null; '' gives `empty`. */
export function wholeNumber(text: string, empty: number | null = null): number | null {
  const trimmed = text.replace(/\s/g, '');
  if (trimmed === '') return empty;
  return /^[+-]?\d{1,13}$/.test(trimmed) ? Number(trimmed) : null;
}

/**
 * Whole-number fields as typed: their values, and a field error for each that
 * holds none. An empty field takes its `empty` value, or is required when that
 * is null. "1e3", "2.5" and "0x10" are no whole numbers, whatever Number() says.
 */
export function wholeNumbers<K extends string>(typed: Record<K, string>, fields: readonly (readonly [K, number | null])[]): { values: Record<K, number>; wrong: FieldIssue[] } {
  const values = {} as Record<K, number>;
  const wrong: FieldIssue[] = [];
  for (const [path, empty] of fields) {
    const value = wholeNumber(typed[path], empty);
    if (value !== null) values[path] = value;
    else if (typed[path].trim() === '') wrong.push({ path, key: 'validation.required', message: 'Please fill in this field.' });
    else wrong.push({ path, key: 'validation.wholeNumber', message: 'Enter a whole number.' });
  }
  return { values, wrong };
}

/** Tags as typed in one field, separated by commas or semicolons (a tag can hold neither). */
export const splitTags = (text: string) =>
  text
    .split(/[,;]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
