import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { PRIVATE_FILE, privateFolder } from '../shell/private-files';
import type { Log } from './errors';

/** Appends to `<data>/logs/main.log` (this user's only: it names files and clients); warnings and errors also go to stderr. */
export function fileLog(dataDir: string): Log {
  const file = join(privateFolder(join(dataDir, 'logs')), 'main.log');
  return (level, message, detail) => {
    const line = `${new Date().toISOString()} ${level.toUpperCase()} ${message}${detail === undefined ? '' : ` ${inspect(detail, { depth: 4 })}`}\n`;
    appendFileSync(file, line, { mode: PRIVATE_FILE });
    if (level !== 'info') process.stderr.write(line);
  };
}
