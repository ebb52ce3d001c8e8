// Bundles the main-process code: the Electron entry and preload, and the Chromium shell entry.
// Dependencies stay in node_modules (native better-sqlite3, electron, playwright-core).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, packages: 'external', logLevel: 'warning' };

await Promise.all([
  build({
    ...common,
    format: 'esm',
    entryPoints: { main: 'electron/shells/electron/main.ts', chromium: 'electron/shells/chromium/main.ts' },
    outdir: 'dist/electron',
  }),
  // A sandboxed preload must be one CommonJS file that requires nothing but 'electron'.
  build({ ...common, format: 'cjs', entryPoints: ['electron/shells/electron/preload.ts'], outfile: 'dist/electron/preload.cjs' }),
]);
