import type { z } from 'zod';
import type { FieldIssue } from './errors';

type Params = Record<string, string | number>;

/**
 * zod's issues as field errors with message keys: what the main process
 * answers for bad input, and what a form finds before sending, in the same words.
 */
export const zodFieldIssues = (error: z.ZodError): FieldIssue[] => error.issues.flatMap(fieldIssues);

function fieldIssues(issue: z.core.$ZodIssue): FieldIssue[] {
  const path = issue.path.map(String).join('.');
  const at = (p: string, key: string, params?: Params): FieldIssue => ({ path: p, key, message: issue.message, ...(params && { params }) });
  // The router parses with reportInput, so an absent value shows as such whatever rule it failed.
  if ('input' in issue && issue.input === undefined && issue.code !== 'unrecognized_keys') return [at(path, 'validation.required')];
  switch (issue.code) {
    case 'invalid_type':
      return [at(path, 'validation.type', { expected: issue.expected })];
    case 'too_small':
      if (issue.origin === 'string') {
        return [at(path, Number(issue.minimum) <= 1 ? 'validation.required' : 'validation.tooShort', { minimum: Number(issue.minimum) })];
      }
      return [at(path, 'validation.tooSmall', { minimum: Number(issue.minimum) })];
    case 'too_big':
      return [at(path, issue.origin === 'string' ? 'validation.tooLong' : 'validation.tooLarge', { maximum: Number(issue.maximum) })];
    case 'invalid_format':
      return [at(path, issue.format === 'email' ? 'validation.email' : 'validation.format', { format: issue.format })];
    case 'invalid_value':
      return [at(path, 'validation.choice', { options: issue.values.map(String).join(', ') })];
    case 'unrecognized_keys':
      return issue.keys.map((key) => at(path ? `${path}.${key}` : key, 'validation.unknownField'));
    case 'custom':
      // Rules from shared/limits.ts `rule` carry their own message key.
      return [at(path, typeof issue.params?.key === 'string' ? issue.params.key : 'validation.invalid')];
    default:
      return [at(path, 'validation.invalid')];
  }
}
