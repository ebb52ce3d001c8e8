import { create } from 'zustand';
import type { ImportField, ImportPreview, importModes } from '../../shared/client-import';
import type { IpcError } from '../../shared/ipc/errors';
import { handleFailure } from '../app/failures';
import { clientsChanged } from '../clients/changes';
import { invoke, on } from '../ipc/client';
import { readBase64 } from '../portfolio/files';

export type ImportMode = (typeof importModes)[number];

/**
 * Where the wizard is; `error` is a refusal shown on that step (null when the
 * app showed it elsewhere or there is none); `remapped`: the operator changed
 * the mapping, which leaving the import would throw away.
 */
export type ImportStep =
  | { step: 'choose'; error: IpcError | null; cancelled?: string }
  | { step: 'reading'; importId: string | null; fileName: string; done: number; total: number }
  | { step: 'checking'; importId: string; fileName: string; done: number; total: number; remapped: boolean }
  | { step: 'preview'; importId: string; preview: ImportPreview; mode: ImportMode; error: IpcError | null; remapped: boolean }
  | { step: 'committing'; importId: string; preview: ImportPreview; done: number; total: number }
  | { step: 'done'; fileName: string; imported: number; skipped: number };

export const useImport = create<{ current: ImportStep }>(() => ({ current: { step: 'choose', error: null } }));
const get = () => useImport.getState().current;
const set = (current: ImportStep) => useImport.setState({ current });

/** Increases when the operator cancels or starts over: work for an older run stops. */
let run = 0;

const failed = (thrown: unknown) => handleFailure(thrown);
const cancelled = (error: IpcError | null) => error?.key === 'import.cancelled';

/**
 * Sends the file in the pieces the main process asks for (a file over the
 * limit is refused before any byte goes), then asks for the preview.
 */
export async function startImport(file: File): Promise<void> {
  const mine = ++run;
  set({ step: 'reading', importId: null, fileName: file.name, done: 0, total: file.size });
  try {
    const { importId, chunkBytes } = await invoke('clients.import.begin', { fileName: file.name, size: file.size });
    // Cancelled while the import was being opened: it is dropped at once.
    if (mine !== run) return void invoke('clients.import.cancel', { importId }).catch(failed);
    for (let offset = 0; offset < file.size; offset += chunkBytes) {
      if (mine !== run) return;
      set({ step: 'reading', importId, fileName: file.name, done: offset, total: file.size });
      const data = await readBase64(file.slice(offset, offset + chunkBytes));
      if (mine !== run) return;
      await invoke('clients.import.chunk', { importId, data });
    }
    if (mine === run) await check(importId, file.name, undefined, mine);
  } catch (thrown) {
    if (mine !== run) return;
    // A file that cannot be read ends the import on the main side: back to choosing, with the reason.
    set({ step: 'choose', error: failed(thrown) });
  }
}

async function check(importId: string, fileName: string, mapping: { index: number; field: ImportField | null }[] | undefined, mine: number) {
  const remapped = mapping !== undefined;
  set({ step: 'checking', importId, fileName, done: 0, total: 0, remapped });
  const preview = await invoke('clients.import.preview', { importId, ...(mapping && { mapping }) });
  if (mine === run) set({ step: 'preview', importId, preview, mode: 'allOrNothing', error: null, remapped });
}

/** Checks the rows again with columns mapped as the operator chose. */
export async function remap(index: number, field: ImportField | null): Promise<void> {
  const current = get();
  if (current.step !== 'preview') return;
  const mine = ++run;
  const mapping = current.preview.columns.map((c) => ({ index: c.index, field: c.index === index ? field : c.field }));
  try {
    await check(current.importId, current.preview.fileName, mapping, mine);
  } catch (thrown) {
    const error = failed(thrown);
    if (mine === run && !cancelled(error)) set({ ...current, error });
  }
}

export function chooseMode(mode: ImportMode): void {
  const current = get();
  if (current.step === 'preview') set({ ...current, mode, error: null });
}

/** Writes the previewed rows in one transaction; a refusal (rows taken since the preview, say) returns to the preview. */
export async function commitImport(): Promise<void> {
  const current = get();
  if (current.step !== 'preview') return;
  const mine = ++run;
  const { importId, preview, mode } = current;
  set({ step: 'committing', importId, preview, done: 0, total: preview.validRows });
  try {
    const { imported, skipped } = await invoke('clients.import.commit', { importId, mode });
    if (mine === run) set({ step: 'done', fileName: preview.fileName, imported, skipped });
    clientsChanged();
  } catch (thrown) {
    if (mine === run) set({ ...current, error: failed(thrown) });
  }
}

/** Stops the import wherever it is; nothing has been written before the commit, so nothing stays behind. */
export function cancelImport(): void {
  const current = get();
  if (current.step === 'committing') return;
  run++;
  if ('importId' in current && current.importId) invoke('clients.import.cancel', { importId: current.importId }).catch(failed);
  // Said where it happened: the operator sees the import stopped and nothing came in.
  const fileName = current.step === 'preview' ? current.preview.fileName : 'fileName' in current ? current.fileName : null;
  set({ step: 'choose', error: null, ...(fileName !== null && { cancelled: fileName }) });
}

const stepOfPhase: Record<string, ImportStep['step']> = { reading: 'reading', validating: 'checking', committing: 'committing' };

/** Progress the main process reports for the file being read, checked or written. */
export function followImportProgress(): () => void {
  return on('clients.import.progress', ({ importId, phase, done, total }) => {
    const current = get();
    if (current.step === stepOfPhase[phase] && 'done' in current && current.importId === importId) set({ ...current, done, total });
  });
}

/** Leaving the screen: an unfinished import is cancelled; a finished one makes room for the next. */
export function leaveImport(): void {
  if (get().step === 'done') set({ step: 'choose', error: null });
  else cancelImport();
}
