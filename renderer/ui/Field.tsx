import './forms.css';
import { useId, useRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FrameProps {
  label: string;
  hint?: string | undefined;
  /** Shown under the control and announced with it. */
  error?: string | undefined;
  /** A control beside the input, e.g. a "Browse…" button. */
  action?: ReactNode;
}

/** What the frame hands its control: its id and the texts that describe it. */
interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * Label above, hint and error below, wired to the control for assistive technology.
 * A control with `aria-required` gets a marker after its label (its own state tells assistive technology).
 */
function FieldFrame({ label, hint, error, action, required, control }: FrameProps & { required?: unknown; control: (props: ControlProps) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      {/* The marker stays out of the label: the control's name is the label's words alone. */}
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {(required === true || required === 'true') && (
          <span className="field-required" aria-hidden="true">
            *
          </span>
        )}
      </div>
      <div className="field-control">
        {control({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
        {action}
      </div>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

type Framed<A> = Omit<A, 'id'> & FrameProps;

/** A labelled text input with an optional hint and its error message. */
export function Field({ label, hint, error, action, ...input }: Framed<InputHTMLAttributes<HTMLInputElement>>) {
  return <FieldFrame label={label} hint={hint} error={error} action={action} required={input['aria-required']} control={(props) => <input {...props} {...input} />} />;
}

/** A labelled drop-down; the options are its children. */
export function SelectField({ label, hint, error, action, ...select }: Framed<SelectHTMLAttributes<HTMLSelectElement>>) {
  return <FieldFrame label={label} hint={hint} error={error} action={action} required={select['aria-required']} control={(props) => <select {...props} {...select} />} />;
}

/** A labelled text area for longer text such as notes. */
export function TextAreaField({ label, hint, error, action, ...area }: Framed<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  return <FieldFrame label={label} hint={hint} error={error} action={action} required={area['aria-required']} control={(props) => <textarea {...props} {...area} />} />;
}

interface FileFieldProps extends FrameProps {
  /** The button's text, e.g. "Choose a file…": the native button would speak the browser's language, not the app's. */
  choose: string;
  /** The chosen file's name, or what to say while there is none. */
  chosen: string;
  accept: string;
  disabled?: boolean;
  onFile: (file: File) => void;
}

/** A labelled file choice: the app's own button opens the file dialog; the chosen file is named beside it. */
export function FileField({ label, hint, error, choose, chosen, accept, disabled, onFile }: FileFieldProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      control={(props) => (
        <>
          <button type="button" className="button" {...props} disabled={disabled} onClick={() => input.current?.click()}>
            {choose}
          </button>
          <span className="file-name">{chosen}</span>
          <input
            ref={input}
            type="file"
            hidden
            accept={accept}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) onFile(file);
            }}
          />
        </>
      )}
    />
  );
}
