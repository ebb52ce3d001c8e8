import './forms.css';
import type { InputHTMLAttributes } from 'react';

/** A checkbox with its label beside it. */
export function Checkbox({ label, ...input }: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { label: string }) {
  return (
    <label className="checkbox">
      <input type="checkbox" {...input} />
      <span>{label}</span>
    </label>
  );
}
