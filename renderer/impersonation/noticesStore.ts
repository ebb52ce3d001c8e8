import { create } from 'zustand';
import type { View } from '../../shared/impersonation';
import type { IpcError } from '../../shared/ipc/errors';
import { handleFailure } from '../app/failures';

export interface Notice {
  id: number;
  error: IpcError;
  /** The opening it refuses, if it refuses one: named in the notice's title. */
  opening?: { clientName: string; view: View };
}

/** Refusals and failures of calls made without a form to show them in (shortcuts, buttons, the sessions panel). */
export const useNotices = create<{ notices: Notice[] }>(() => ({ notices: [] }));

let next = 0;

/** What a call threw, as a notice (unless the app took care of it: banner, back to sign-in). */
export function showFailure(thrown: unknown, opening?: Notice['opening']): void {
  const error = handleFailure(thrown);
  if (error) useNotices.setState((s) => ({ notices: [...s.notices, { id: ++next, error, ...(opening && { opening }) }] }));
}

export const dismissNotice = (id: number) => useNotices.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));

export const clearNotices = () => useNotices.setState({ notices: [] });
