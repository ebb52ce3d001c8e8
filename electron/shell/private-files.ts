import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data folder holds the workspace (password hashes, client data), the
 * secrets and the logs: other users of the computer must not read any of it.
 * New folders are made 0700 and new files 0600; what an earlier version left
 * readable is closed at start. Windows keeps per-user folders closed by its
 * own ACLs, and modes mean little there, so nothing is changed on it.
 */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_FOLDER = 0o700;

const posix = process.platform !== 'win32';

/** Sets a file's or folder's mode where modes apply; a file that is gone or not ours is left as it is. */
function close(path: string, mode: number): void {
  if (!posix) return;
  try {
    chmodSync(path, mode);
  } catch {
    // Not ours (another owner) or gone meanwhile: nothing to close here.
  }
}

/** Makes the folder and any missing parents readable by this user only; an existing folder is closed too. */
export function privateFolder(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER });
  close(dir, PRIVATE_FOLDER);
  return dir;
}

/** Closes a file that exists (one another version or library wrote readable by all). */
export const closeFile = (file: string): void => {
  if (existsSync(file)) close(file, PRIVATE_FILE);
};

/** What the app keeps in its data folder: files by the start of their name, folders wholly. */
const OWN_FILES = ['workspace.sqlite', 'settings.json', 'secrets.json'];
const OWN_FOLDERS = ['logs', 'exports', 'partitions'];

/**
 * Closes the data folder and what the app keeps in it. Only the app's own
 * entries: the folder may be one the operator chose (RESELLER_DESK_DATA_DIR),
 * with other things of theirs in it. Symbolic links are not followed.
 */
export function closeDataFolder(dataDir: string): void {
  privateFolder(dataDir);
  if (!posix) return;
  for (const name of readdirSync(dataDir)) {
    const path = join(dataDir, name);
    const entry = lstatSync(path);
    if (entry.isFile() && OWN_FILES.some((own) => name.startsWith(own))) close(path, PRIVATE_FILE);
    if (entry.isDirectory() && OWN_FOLDERS.includes(name)) closeTree(path);
  }
}

function closeTree(dir: string): void {
  close(dir, PRIVATE_FOLDER);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const entry = lstatSync(path);
    if (entry.isDirectory()) closeTree(path);
    else if (entry.isFile()) close(path, PRIVATE_FILE);
  }
}
