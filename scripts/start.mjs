// `npm start`: set up if needed, build, then run the Electron shell; where the
// Electron binary cannot be obtained, say so in one line and run the Chromium
// shell instead. `--shell chromium` (npm run start:chromium) always uses Chromium.
// Other flags (--demo, --workspace <file>, --data-dir <folder>) go to the app.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies, ensureNodeNative, markNativeBuiltFor, nativeBuiltFor } from './setup.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const args = process.argv.slice(2);
const shellAt = args.indexOf('--shell');
const wanted = shellAt >= 0 ? args.splice(shellAt, 2)[1] : 'electron';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function buildIfStale() {
  const built = join(root, 'dist', 'electron', 'chromium.js');
  const sources = Math.max(...['electron', 'renderer', 'shared'].map((d) => newest(join(root, d))));
  if (!existsSync(built) || statSync(built).mtimeMs < sources) {
    const result = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

/** Downloads Electron's binary if it is missing; false where that is impossible (offline, blocked). */
function electronAvailable() {
  const require = createRequire(import.meta.url);
  let install;
  try {
    install = require.resolve('electron/install.js');
  } catch {
    return { ok: false, why: 'the electron package is not installed' };
  }
  const result = spawnSync(process.execPath, [install], { cwd: root, encoding: 'utf8', timeout: 180_000 });
  if (result.status === 0) return { ok: true };
  // The first line that is not a stack frame says what went wrong ("TypeError: fetch failed").
  const lines = `${result.stderr ?? ''}${result.stdout ?? ''}`.split('\n').map((l) => l.trim());
  const why = lines.find((l) => l && !l.startsWith('at ')) ?? `exit ${result.status ?? result.signal}`;
  return { ok: false, why };
}

function launch(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s));
}

function startChromium() {
  ensureNodeNative();
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('No display to open a window on: set DISPLAY, or run `xvfb-run -a npm run start:chromium`. (`npm run smoke` checks the app without one.)');
    process.exit(1);
  }
  launch(process.execPath, [join(root, 'dist', 'electron', 'chromium.js'), ...args]);
}

ensureDependencies();
buildIfStale();
if (wanted === 'chromium') {
  startChromium();
} else {
  const electron = electronAvailable();
  if (!electron.ok) {
    console.log(`Electron's binary could not be obtained (${electron.why}); starting the Chromium shell instead.`);
    startChromium();
  } else {
    if (nativeBuiltFor() !== 'electron') {
      console.log('Rebuilding better-sqlite3 for Electron (once; `npm test` rebuilds it for Node)…');
      const result = spawnSync(npm, ['exec', '--', 'electron-builder', 'install-app-deps'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
      if (result.status !== 0) process.exit(result.status ?? 1);
      markNativeBuiltFor('electron');
    }
    const require = createRequire(import.meta.url);
    launch(require('electron'), [join(root, 'dist', 'electron', 'main.js'), ...args]);
  }
}
