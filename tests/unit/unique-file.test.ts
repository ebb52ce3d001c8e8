import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { uniqueFile } from '../../electron/shell/paths';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('gives exports of the Chromium shell a name not taken yet, creating the folder', () => {
  dir = mkdtempSync(join(tmpdir(), 'reseller-desk-exports-'));
  const exports = join(dir, 'exports');
  const first = uniqueFile(exports, 'clients-2026-11-23.csv');
  expect(first).toBe(join(exports, 'clients-2026-11-23.csv'));
  writeFileSync(first, '');
  const second = uniqueFile(exports, 'clients-2026-11-23.csv');
  expect(second).toBe(join(exports, 'clients-2026-11-23 (2).csv'));
  writeFileSync(second, '');
  expect(uniqueFile(exports, 'clients-2026-11-23.csv')).toBe(join(exports, 'clients-2026-11-23 (3).csv'));
  // Exports hold client data: the folder is the operator's user's only.
  if (process.platform !== 'win32') expect(statSync(exports).mode & 0o777).toBe(0o700);
});
