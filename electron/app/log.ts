import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import type { Log } from './errors';

/** Appends to `<data>/logs/main.log`; warnings and errors also go to stderr. */
export function fileLog(dataDir: string): Log {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'main.log');
  return (level, message, detail) => {
    const line = `${new Date().toISOString()} ${level.toUpperCase()} ${message}${detail === undefined ? '' : ` ${inspect(detail, { depth: 4 })}`}\n`;
    appendFileSync(file, line);
    if (level !== 'info') process.stderr.write(line);
  };
}
