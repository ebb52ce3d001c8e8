import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { privateFolder } from './private-files';

export const PRODUCT_NAME = 'Reseller Desk';

/**
 * Where this installation keeps its data: `RESELLER_DESK_DATA_DIR` if set,
 * else the per-user application data folder Electron calls `userData`.
 */
export function defaultDataDir(env = process.env, platform = process.platform): string {
  if (env.RESELLER_DESK_DATA_DIR) return env.RESELLER_DESK_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

/** The project folder, found from this module whether it runs from source or from dist/. */
export function appRoot(from = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'reseller-desk') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the Reseller Desk folder (package.json)');
    dir = parent;
  }
}

/** The built workspace UI (vite build). */
export const rendererDir = (root = appRoot()) => join(root, 'dist', 'renderer');

/** `dir/name`, or `dir/name (2)` … if taken; the folder is created, for this user only. */
export function uniqueFile(dir: string, name: string): string {
  privateFolder(dir);
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const file = join(dir, n === 1 ? name : `${stem} (${n})${ext}`);
    if (!existsSync(file)) return file;
  }
}
