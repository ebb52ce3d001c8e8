import type { FieldIssue, IpcError } from '../../shared/ipc/errors';
import { translateOr } from '../i18n/i18n';

/** An error or field issue in the operator's language; the English message where the key is unknown. */
export const errorText = (error: Pick<IpcError | FieldIssue, 'key' | 'params' | 'message'>): string =>
  translateOr(error.key, error.params, error.message);
