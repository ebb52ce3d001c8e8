import type { IpcError } from '../../shared/ipc/errors';
import { IpcFailure } from '../ipc/client';
import { endSession, useSession } from '../session/store';
import { showProblem } from './problem';

/** Anything a call threw, in the typed shape the main process uses. */
function asIpcError(thrown: unknown): IpcError {
  if (thrown instanceof IpcFailure) return thrown.error;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return { code: 'INTERNAL', key: 'errors.unexpected', params: { message }, message };
}

/**
 * Where every failed call goes first. Two kinds the app handles itself: an
 * internal error goes to the banner (with its reference), and "signed out"
 * while signed in ends the session and returns to sign-in. Anything else is
 * handed back for the screen that made the call to show in place.
 */
export function handleFailure(thrown: unknown): IpcError | null {
  const error = asIpcError(thrown);
  if (error.code === 'INTERNAL') {
    showProblem(error);
    return null;
  }
  if (error.code === 'UNAUTHENTICATED' && useSession.getState().session) {
    endSession();
    return null;
  }
  return error;
}
