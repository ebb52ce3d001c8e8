// Brings a fresh clone to a runnable state: dependencies installed (npm ci when
// node_modules is missing or older than package-lock.json) and better-sqlite3
// built for the runtime that will load it. Plain Node: it runs before any dependency exists.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const abiMarker = join(root, 'node_modules', 'better-sqlite3', '.built-for');

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`Set-up failed: ${command} ${args.join(' ')} exited with ${result.status ?? result.signal}.`);
    process.exit(result.status ?? 1);
  }
}

/** npm's own record of the last install is older than the lock file: install again. */
export function dependenciesStale() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  return !existsSync(installed) || statSync(installed).mtimeMs < statSync(join(root, 'package-lock.json')).mtimeMs;
}

/** Which runtime better-sqlite3 was last compiled for ("node" unless the Electron start rebuilt it). */
export const nativeBuiltFor = () => (existsSync(abiMarker) ? readFileSync(abiMarker, 'utf8').trim() : 'node');
export const markNativeBuiltFor = (runtime) => writeFileSync(abiMarker, runtime);

export function ensureDependencies() {
  if (dependenciesStale()) {
    console.log('Installing dependencies (first run: about two minutes, better-sqlite3 compiles from source)…');
    run(npm, ['ci', '--no-audit', '--no-fund']);
  }
}

/** Tests, the smoke run, the benchmarks and the Chromium shell load better-sqlite3 under Node. */
export function ensureNodeNative() {
  if (nativeBuiltFor() !== 'node') {
    console.log('Rebuilding better-sqlite3 for Node (it was last built for Electron)…');
    run(npm, ['rebuild', 'better-sqlite3']);
    markNativeBuiltFor('node');
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureDependencies();
  ensureNodeNative();
}
