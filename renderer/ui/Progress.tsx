import './forms.css';

/** A labelled progress bar with its figures in words beside it; indeterminate while `total` is unknown (0). */
export function Progress({ label, text, done, total }: { label: string; text: string; done: number; total: number }) {
  return (
    <div className="progress">
      <progress aria-label={label} value={total > 0 ? Math.min(done, total) : undefined} max={total > 0 ? total : undefined} />
      <p className="progress-text" aria-live="polite">
        {text}
      </p>
    </div>
  );
}
