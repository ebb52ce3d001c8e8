import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SecretProtection } from '../../shared/workspace';
import { closeFile, PRIVATE_FILE } from './private-files';

/** Small secrets of this installation (the login-token signing key, the workspaces' data keys). */
export interface SecretStore {
  get(name: string): string | null;
  set(name: string, value: string): void;
  /** The operator is told when it is not the keychain. */
  readonly protection: SecretProtection;
}

/**
 * What Electron's safeStorage offers, in the terms above. On Linux without a
 * keyring it falls back to `basic_text`: encrypted with a fixed, public
 * password, which protects nothing.
 */
export function keychainProtection(facts: { encryptionAvailable: boolean; platform: NodeJS.Platform; linuxBackend: string | null }): SecretProtection {
  if (!facts.encryptionAvailable) return 'noKeychain';
  if (facts.platform === 'linux' && (facts.linuxBackend === 'basic_text' || facts.linuxBackend === 'unknown')) return 'noKeychain';
  return 'keychain';
}

export interface SecretCodec {
  encode(plain: string): string;
  decode(stored: string): string;
}

const PLAIN = 'plain:';

/**
 * Values encrypted by the keychain (base64) where it can, else kept as they
 * are behind a marker, so a value written either way reads back either way.
 */
export function keychainCodec(keychain: { available: boolean; encrypt(plain: string): Buffer; decrypt(encrypted: Buffer): string }): SecretCodec {
  return {
    encode: (plain) => (keychain.available ? keychain.encrypt(plain).toString('base64') : `${PLAIN}${plain}`),
    decode: (stored) => (stored.startsWith(PLAIN) ? stored.slice(PLAIN.length) : keychain.decrypt(Buffer.from(stored, 'base64'))),
  };
}

/** The Chromium shell has no keychain: values are stored as they are. */
export const plainCodec: SecretCodec = { encode: (plain) => plain, decode: (stored) => stored };

/**
 * Secrets in one JSON file beside the settings, each value passed through the
 * shell's codec: Electron's safeStorage (the OS keychain) in the Electron
 * shell. Written to a temporary file and renamed, readable by the user only.
 */
export function fileSecretStore(
  file: string,
  codec: SecretCodec,
  protection: SecretProtection,
): SecretStore {
  const read = (): Record<string, string> => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {});
  return {
    protection,
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
