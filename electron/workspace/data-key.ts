import type { Log } from '../app/errors';
import { sealStoredSsoTokens, ssoTokensByKey } from '../clients/repository';
import type { Queryable, Unlock, WorkspaceDb } from '../db/open';
import { createSealer, newDataKey, type DataKey, type Sealer } from '../db/sealed';
import { sealStoredLinks } from '../mail/repository';
import type { SecretStore } from '../shell/secrets';
import { deleteMeta, readMeta, writeMeta } from './repository';

/** Which key the workspace seals new values with (its id; the key itself is in the secret store). */
const CURRENT_KEY = 'dataKey';
/** Set when this workspace was opened where its key was missing: values sealed before may not open here. */
const KEY_REPLACED = 'dataKeyReplaced';
/** Set by migration 013: secrets stored in clear wait to be sealed. */
const SECRETS_TO_SEAL = 'secretsToSeal';

const secretName = (keyId: string) => `workspace-data-key:${keyId}`;

/**
 * Opens a workspace's data key, or makes one: each workspace has its own,
 * kept in the shell's secret store (the OS keychain in Electron) under its id.
 * A workspace brought from another computer finds no key here: it gets a new
 * one for what it seals from now on, and what was sealed there cannot be
 * opened, which the operator is told (`unreadableSsoTokens`); replacing a
 * token issues a new one. A key is never overwritten, so the earlier one
 * still works should the workspace go back. Then whatever migration 013 left
 * in clear is sealed, in one transaction with removing its mark.
 */
export function unlockWith(secrets: SecretStore, log: Log): Unlock {
  return ({ db, sqlite, file }) => {
    const keyOf = (keyId: string) => readKey(secrets, keyId, log);
    const previous = readMeta(db, CURRENT_KEY);
    const found = previous === undefined ? null : keyOf(previous);
    const current: DataKey = found && previous ? { id: previous, key: found } : storeNewKey(secrets, keyOf);
    const sealer = createSealer(current, keyOf);
    if (!found) {
      if (previous !== undefined) log('warn', `${file}: its data key ${previous} is not on this computer; what it sealed cannot be opened here. New key ${current.id}.`);
      transaction(db, (tx) => {
        writeMeta(tx, CURRENT_KEY, current.id);
        if (previous !== undefined) writeMeta(tx, KEY_REPLACED, '1');
      });
    }
    if (readMeta(db, SECRETS_TO_SEAL) !== undefined) {
      const sealed = transaction(db, (tx) => {
        const count = sealStoredSsoTokens(tx, sealer) + sealStoredLinks(tx, sealer);
        deleteMeta(tx, SECRETS_TO_SEAL);
        return count;
      });
      // Copies of the clear values stay behind in the file's free space (rows moved by earlier changes, by migration 013, by
      // this one): the file is rewritten (VACUUM) and its log emptied (TRUNCATE), once, so none is left.
      sqlite.exec('VACUUM');
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      log('info', `${file}: ${sealed} stored secrets sealed with data key ${current.id}`);
    }
    return sealer;
  };
}

/**
 * How many SSO tokens cannot be opened here. Counted only for a workspace
 * that ever lacked its key here (one pass over the clients); zero otherwise.
 */
export function unreadableSsoTokens(db: Queryable, sealer: Sealer): number {
  if (readMeta(db, KEY_REPLACED) === undefined) return 0;
  return ssoTokensByKey(db)
    .filter(({ keyId }) => !sealer.holds(keyId))
    .reduce((sum, { tokens }) => sum + tokens, 0);
}

function storeNewKey(secrets: SecretStore, keyOf: (keyId: string) => Buffer | null): DataKey {
  let key = newDataKey();
  // Ids are random; one already taken (by another workspace's key) is drawn again rather than overwritten.
  while (keyOf(key.id)) key = newDataKey();
  secrets.set(secretName(key.id), key.key.toString('base64'));
  return key;
}

/** The key, or null if the store has none under this id or cannot give it back (a keychain that changed). */
function readKey(secrets: SecretStore, keyId: string, log: Log): Buffer | null {
  try {
    const stored = secrets.get(secretName(keyId));
    const key = stored === null ? null : Buffer.from(stored, 'base64');
    return key?.length === 32 ? key : null;
  } catch (error) {
    log('warn', `data key ${keyId} could not be read from the secret store`, error);
    return null;
  }
}

const transaction = <T>(db: WorkspaceDb, fn: (tx: Queryable) => T): T => db.transaction(fn, { behavior: 'immediate' });
