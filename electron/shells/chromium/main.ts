import { parseArgs } from 'node:util';
import { fileLog } from '../../app/log';
import { startApp } from '../../app/start';
import { defaultDataDir } from '../../shell/paths';
import { ChromiumShell } from './chromium-shell';

/**
 * `npm run start:chromium`: the app on the system Chromium.
 * Flags: --data-dir <folder>, --workspace <file>, --demo, --headless.
 */
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    workspace: { type: 'string' },
    demo: { type: 'boolean', default: false },
    headless: { type: 'boolean', default: false },
  },
});
const dataDir = values['data-dir'] ?? defaultDataDir();
const log = fileLog(dataDir);
const shell = new ChromiumShell({ dataDir, log, headless: values.headless });
const app = await startApp({ shell, dataDir, log, workspaceFile: values.workspace, demo: values.demo });
log('info', `Reseller Desk (Chromium shell) started; data in ${dataDir}`);
process.stdout.write(`Reseller Desk is running in the Chromium shell. Data folder: ${dataDir}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void app.stop().then(() => process.exit(0)));
