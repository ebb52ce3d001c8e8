import { useTranslation } from 'react-i18next';

/** A form's submit button and, once it has saved, a quiet "Saved." beside it. */
export function SaveActions({ label, busy, saved }: { label: string; busy: boolean; saved: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" className="button primary" disabled={busy}>
        {label}
      </button>
      <p className="saved-note" aria-live="polite">
        {saved && t('impersonation.saved')}
      </p>
    </div>
  );
}
