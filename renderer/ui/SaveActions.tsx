import { useTranslation } from 'react-i18next';

/** A form's submit button and, once it has saved, a quiet "Saved." beside it (announced: the region is there from the start). */
export function SaveActions({ label, busy, saved }: { label: string; busy: boolean; saved: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" className="button primary" disabled={busy} aria-busy={busy}>
        {label}
      </button>
      <p className="form-saved" aria-live="polite">
        {saved && t('forms.saved')}
      </p>
    </div>
  );
}
