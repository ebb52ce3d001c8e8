import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { sql, type SQLWrapper } from 'drizzle-orm';

/**
 * Secrets the workspace must keep usable (each client's SSO token, the link of
 * a queued invitation) are sealed with AES-256-GCM under the workspace's data
 * key. The key lives in the shell's secret store, never in the workspace: a
 * copy of the file shows none of them. A sealed value reads
 * `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url; a fresh random IV each);
 * the key id tells a value sealed on another computer from a damaged one.
 */
export interface Sealer {
  /** The key new values are sealed with. */
  readonly keyId: string;
  /** `context` names what the value belongs to ("sso_token:42"): a sealed value copied elsewhere does not open. */
  seal(plain: string, context: string): string;
  /** The plain value, or null: sealed under a key this computer does not hold, altered, or sealed for another context. */
  open(sealed: string, context: string): string | null;
  /** Whether values sealed under this key id can be opened here. */
  holds(keyId: string): boolean;
}

export interface DataKey {
  id: string;
  /** 32 random bytes. */
  key: Buffer;
}

const VERSION = 'v1';
const KEY_ID_LENGTH = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const newDataKey = (): DataKey => ({ id: randomBytes(KEY_ID_LENGTH / 2).toString('hex'), key: randomBytes(32) });

/** A column value stored in clear, in SQL (what migration 013 left to seal). */
export const unsealed = (column: SQLWrapper) => sql`${column} NOT LIKE ${`${VERSION}:%`}`;

/** The key id of a sealed column value, in SQL: for counting the values each key sealed. */
export const sealedKeyIdIn = (column: SQLWrapper) => sql<string>`substr(${column}, ${VERSION.length + 2}, ${KEY_ID_LENGTH})`;

/** IVs drawn 12 KB at a time: one system call per thousand values when an import seals 100,000 tokens. */
let ivs = Buffer.alloc(0);
let used = 0;
function nextIv(): Buffer {
  if (used + IV_BYTES > ivs.length) {
    ivs = randomBytes(IV_BYTES * 1024);
    used = 0;
  }
  used += IV_BYTES;
  return ivs.subarray(used - IV_BYTES, used);
}

/** Seals with `current`; opens with it or any other key `keyOf` finds (a workspace that came back to a computer holding its earlier key). */
export function createSealer(current: DataKey, keyOf: (id: string) => Buffer | null): Sealer {
  const keys = new Map<string, Buffer | null>([[current.id, current.key]]);
  const find = (id: string) => {
    if (!keys.has(id)) keys.set(id, keyOf(id));
    return keys.get(id) ?? null;
  };
  return {
    keyId: current.id,
    seal(plain, context) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      cipher.setAAD(Buffer.from(context));
      const text = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}:${current.id}:${iv.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}:${text.toString('base64url')}`;
    },
    open(sealed, context) {
      const [version, keyId, iv, tag, text, extra] = sealed.split(':');
      if (version !== VERSION || keyId === undefined || iv === undefined || tag === undefined || text === undefined || extra !== undefined) return null;
      const key = find(keyId);
      if (!key) return null;
      try {
        // A tag of any other length is refused: a cut-short tag would be easier to forge.
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(text, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        // The tag did not match (or a part was cut short): altered, or sealed for something else.
        return null;
      }
    },
    holds: (keyId) => find(keyId) !== null,
  };
}
