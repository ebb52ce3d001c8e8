import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useFormFailure } from '../ui/useFormFailure';
import { atFields } from './forms';

/**
 * A form's sending: busy while `action` runs, and what it throws shown at
 * the fields (list items at their list's field) and above them. Focus then
 * goes to the first field with a problem (else the summary comes into view) in the form `formRef` is on:
 * the problems are put on screen at once (flushSync), so the field is there to take it.
 */
export function useSubmit<F extends string>(fields: readonly F[], action: () => Promise<void>) {
  const failure = useFormFailure(fields);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  async function submit(event?: FormEvent) {
    event?.preventDefault();
    failure.reset();
    setBusy(true);
    try {
      await action();
    } catch (thrown) {
      if (flushSync(() => failure.fail(atFields(thrown)))) {
        const field = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
        if (field) field.focus();
        else formRef.current?.querySelector('.alert')?.scrollIntoView({ block: 'nearest' });
      }
    } finally {
      setBusy(false);
    }
  }
  return { failure, busy, submit, formRef };
}
