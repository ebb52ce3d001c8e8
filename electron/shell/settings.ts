import { existsSync, renameSync } from 'node:fs';
import type { Log } from '../app/errors';

/**
 * Opens the settings file with the shell's store (conf or electron-store).
 * A file that no longer parses is kept aside under a new name, not deleted,
 * and the app starts on defaults instead of failing to start.
 */
export function openSettingsStore<S>(file: string, create: () => S, log: Log): S {
  try {
    return create();
  } catch (error) {
    if (!existsSync(file)) throw error;
    const aside = `${file}.damaged-${Date.now()}`;
    renameSync(file, aside);
    log('warn', `settings file could not be read; kept as ${aside}`, error);
    return create();
  }
}
