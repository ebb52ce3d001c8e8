import type { TFunction } from 'i18next';
import { create } from 'zustand';
import type { IpcError } from '../../shared/ipc/errors';
import { handleFailure } from '../app/failures';
import { errorText } from '../ui/errorText';

/** What the list pane says about the last export or bulk change: in the current language, with Undo where it is cheap. */
export interface ListNotice {
  tone: 'success' | 'info' | 'error';
  say: (t: TFunction) => string;
  undo?: () => Promise<void>;
}

export const useListNotice = create<{ notice: ListNotice | null }>(() => ({ notice: null }));

export const showListNotice = (notice: ListNotice) => useListNotice.setState({ notice });
export const dismissListNotice = () => useListNotice.setState({ notice: null });

/** A refusal, as the notice shows it; null when the app took care of it (banner, sign-in). */
export function noticeFailure(thrown: unknown): IpcError | null {
  const error = handleFailure(thrown);
  if (error) showListNotice({ tone: 'error', say: () => errorText(error) });
  return error;
}

/** Where an export went and how many rows it has; the operator may have cancelled the save dialog. */
export function showExported({ file, rows }: { file: string | null; rows: number }): void {
  showListNotice(
    file
      ? { tone: 'success', say: (t) => t('clientList.exported', { count: rows, file }) }
      : { tone: 'info', say: (t) => t('clientList.exportCancelled') },
  );
}
