import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

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
      writeFileSync(`${file}.tmp`, JSON.stringify(next, null, 2), { mode: 0o600 });
      renameSync(`${file}.tmp`, file);
    },
  };
}
