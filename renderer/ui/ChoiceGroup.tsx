import './forms.css';
import { useId } from 'react';

interface ChoiceGroupProps<T extends string> {
  legend: string;
  options: readonly { value: NoInfer<T>; label: string }[];
  value: T;
  onChange(value: NoInfer<T>): void;
  disabled?: boolean;
}

/** A labelled group of radio buttons: one of a few choices. */
export function ChoiceGroup<T extends string>({ legend, options, value, onChange, disabled }: ChoiceGroupProps<T>) {
  const name = useId();
  return (
    <fieldset className="choice-group" disabled={disabled}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
