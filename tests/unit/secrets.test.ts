import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSealer, newDataKey } from '../../electron/db/sealed';
import { fileSecretStore, keychainCodec, keychainProtection, plainCodec } from '../../electron/shell/secrets';

describe('sealed values', () => {
  const key = newDataKey();
  const sealer = createSealer(key, () => null);

  it('open to what was sealed, each with its own IV, and show nothing of it', () => {
    const token = 'a1b2c3'.repeat(8);
    const [one, two] = [sealer.seal(token, 'clients.sso_token:1'), sealer.seal(token, 'clients.sso_token:1')];
    expect(one).toMatch(new RegExp(`^v1:${key.id}:[\\w-]{16}:[\\w-]{22}:[\\w-]+$`));
    expect(one).not.toBe(two);
    expect(one).not.toContain(token);
    expect(sealer.open(one, 'clients.sso_token:1')).toBe(token);
    expect(sealer.open(two, 'clients.sso_token:1')).toBe(token);
  });

  it('do not open for another context, altered, cut short, or under a key this computer lacks', () => {
    const sealed = sealer.seal('secret', 'clients.sso_token:1');
    const [version, id, iv, tag, text] = sealed.split(':') as [string, string, string, string, string];
    const flipped = `${text[0] === 'A' ? 'B' : 'A'}${text.slice(1)}`;
    expect(sealer.open(sealed, 'clients.sso_token:2')).toBeNull();
    expect(sealer.open([version, id, iv, tag, flipped].join(':'), 'clients.sso_token:1')).toBeNull();
    // A tag cut to 4 bytes would be accepted by GCM unless its length is pinned.
    expect(sealer.open([version, id, iv, tag.slice(0, 6), text].join(':'), 'clients.sso_token:1')).toBeNull();
    expect(sealer.open('0123456789abcdef', 'clients.sso_token:1')).toBeNull();
    const elsewhere = createSealer(newDataKey(), () => null);
    expect(elsewhere.open(sealed, 'clients.sso_token:1')).toBeNull();
    expect(elsewhere.holds(key.id)).toBe(false);
    // Back where its key is kept, it opens again.
    const back = createSealer(newDataKey(), (keyId) => (keyId === key.id ? key.key : null));
    expect(back.open(sealed, 'clients.sso_token:1')).toBe('secret');
  });
});

describe('the keychain', () => {
  it('protects secrets only where Electron has a real backend', () => {
    expect(keychainProtection({ encryptionAvailable: true, platform: 'darwin', linuxBackend: null })).toBe('keychain');
    expect(keychainProtection({ encryptionAvailable: true, platform: 'win32', linuxBackend: null })).toBe('keychain');
    expect(keychainProtection({ encryptionAvailable: true, platform: 'linux', linuxBackend: 'gnome_libsecret' })).toBe('keychain');
    expect(keychainProtection({ encryptionAvailable: true, platform: 'linux', linuxBackend: 'kwallet6' })).toBe('keychain');
    // basic_text: "encrypted" with a fixed password anyone can look up.
    expect(keychainProtection({ encryptionAvailable: true, platform: 'linux', linuxBackend: 'basic_text' })).toBe('noKeychain');
    expect(keychainProtection({ encryptionAvailable: false, platform: 'darwin', linuxBackend: null })).toBe('noKeychain');
  });

  it('encrypts where it can; a value stored either way reads back either way', () => {
    const keychain = { available: true, encrypt: (plain: string) => Buffer.from(`enc(${plain})`), decrypt: (b: Buffer) => b.toString().slice(4, -1) };
    const codec = keychainCodec(keychain);
    const encrypted = codec.encode('key');
    expect(encrypted).not.toContain('key');
    expect(codec.decode(encrypted)).toBe('key');
    const without = keychainCodec({ ...keychain, available: false });
    const plain = without.encode('key');
    expect(plain).toBe('plain:key');
    expect(codec.decode(plain)).toBe('key');
    expect(without.decode(encrypted)).toBe('key');
  });
});

describe('the secrets file', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(process.platform === 'win32')('is this user’s only, even where a crash left its temporary file readable by all', () => {
    dir = mkdtempSync(join(tmpdir(), 'reseller-desk-secrets-'));
    const file = join(dir, 'secrets.json');
    writeFileSync(`${file}.tmp`, '{}');
    chmodSync(`${file}.tmp`, 0o644);
    const store = fileSecretStore(file, plainCodec, 'userFile');
    store.set('signing-key', 'k');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(store.get('signing-key')).toBe('k');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ 'signing-key': 'k' });
  });
});
