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
/** Refusals shown at once; older ones make room (each is also in the client's history). */
const SHOWN = 3;

/** The same refusal of the same opening again: it replaces the one on screen instead of stacking under it. */
const sameAs = (a: Notice, b: Omit<Notice, 'id'>) =>
  a.error.message === b.error.message && a.opening?.clientName === b.opening?.clientName && a.opening?.view === b.opening?.view;

/** What a call threw, as a notice (unless the app took care of it: banner, back to sign-in). */
export function showFailure(thrown: unknown, opening?: Notice['opening']): void {
  const error = handleFailure(thrown);
  if (!error) return;
  const notice = { error, ...(opening && { opening }) };
  useNotices.setState((s) => ({ notices: [...s.notices.filter((n) => !sameAs(n, notice)), { id: ++next, ...notice }].slice(-SHOWN) }));
}

export const dismissNotice = (id: number) => useNotices.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));

export const clearNotices = () => useNotices.setState({ notices: [] });
