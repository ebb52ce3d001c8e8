import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../shared/ipc/errors';
import { handleFailure } from '../app/failures';
import { errorText } from '../ui/errorText';

/** A load that failed: the error to show here, or null where the app showed it already (the banner). */
export interface Failed {
  error: IpcError | null;
}

export const failedWith = (thrown: unknown): Failed => ({ error: handleFailure(thrown) });

/** What could not be loaded, in words, with a way to try again where there is one. */
export function LoadFailed({ failed, onRetry }: { failed: Failed; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-error load-failed" role="alert">
      <p>{failed.error ? errorText(failed.error) : t('impersonation.loadFailed')}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('impersonation.retry')}
        </button>
      )}
    </div>
  );
}
