import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { closeFile, PRIVATE_FILE } from './private-files';

/** Small secrets of this installation (the login-token signing key). */
export interface SecretStore {
  get(name: string): string | null;
  set(name: string, value: string): void;
}

/**
 * Secrets in one JSON file beside the settings, each value passed through the
 * shell's codec: Electron's safeStorage (the OS keychain) in the Electron
 * shell. Written to a temporary file and renamed, readable by the user only.
 */
export function fileSecretStore(file: string, codec: { encode(plain: string): string; decode(stored: string): string }): SecretStore {
  const read = (): Record<string, string> => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {});
  return {
    get: (name) => {
      const stored = read()[name];
      return stored === undefined ? null : codec.decode(stored);
    },
    set: (name, value) => {
      const next = { ...read(), [name]: codec.encode(value) };
      const temporary = `${file}.tmp`;
      writeFileSync(temporary, JSON.stringify(next, null, 2), { mode: PRIVATE_FILE });
      // The mode above applies to a new file only: one left over by a crash keeps its own.
      closeFile(temporary);
      renameSync(temporary, file);
    },
  };
}
