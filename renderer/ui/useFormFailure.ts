import { useState } from 'react';
import type { FieldIssue, IpcError } from '../../shared/ipc/errors';
import { handleFailure } from '../app/failures';
import { errorText } from './errorText';

export interface FormFailure<F extends string> {
  error: IpcError | null;
  /** Takes what a submit threw; returns the error the form shows (null if the app took care of it). */
  fail(thrown: unknown): IpcError | null;
  /** A problem found before sending, e.g. two passwords that differ. */
  failField(issue: FieldIssue): void;
  reset(): void;
  /** The text under a field. */
  fieldError(name: F): string | undefined;
  /** Field issues for paths the form has no field for: shown with the summary. */
  otherIssues: FieldIssue[];
}

/** The failure state of a form: the summary above it and one message per field. */
export function useFormFailure<F extends string>(fields: readonly F[]): FormFailure<F> {
  const [error, setError] = useState<IpcError | null>(null);
  const issues = error?.fields ?? [];
  return {
    error,
    fail: (thrown) => {
      const shown = handleFailure(thrown);
      setError(shown);
      return shown;
    },
    failField: (issue) =>
      setError({ code: 'VALIDATION', key: 'errors.validation', message: 'Some fields need attention.', fields: [issue] }),
    reset: () => setError(null),
    fieldError: (name) => {
      const issue = issues.find((i) => i.path === name);
      return issue && errorText(issue);
    },
    otherIssues: issues.filter((i) => !(fields as readonly string[]).includes(i.path)),
  };
}
