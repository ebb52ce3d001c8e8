import type { FormFailure } from './useFormFailure';
import { errorText } from './errorText';

/** The message above a form: what went wrong, plus field issues no field of the form can show. */
export function FormAlert({ failure }: { failure: FormFailure<string> }) {
  if (!failure.error) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p>{errorText(failure.error)}</p>
      {failure.otherIssues.length > 0 && (
        <ul>
          {failure.otherIssues.map((issue) => (
            <li key={issue.path}>
              {issue.path}: {errorText(issue)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
