import { app } from 'electron';
import { fileLog } from '../../app/log';
import { startApp } from '../../app/start';
import { ElectronShell, registerWorkspaceScheme } from './electron-shell';

/**
 * Electron entry: one instance per user; data in userData unless
 * RESELLER_DESK_DATA_DIR says otherwise. Flags: --workspace <file>, --demo.
 */
registerWorkspaceScheme();
if (process.env.RESELLER_DESK_DATA_DIR) app.setPath('userData', process.env.RESELLER_DESK_DATA_DIR);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  // Nothing but our own windows may be created, navigated or given permissions.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  void app.whenReady().then(async () => {
    const dataDir = app.getPath('userData');
    const log = fileLog(dataDir);
    const workspaceAt = process.argv.indexOf('--workspace');
    const running = await startApp({
      shell: new ElectronShell(dataDir, log),
      dataDir,
      log,
      workspaceFile: workspaceAt > 0 ? process.argv[workspaceAt + 1] : undefined,
      demo: process.argv.includes('--demo'),
    });
    app.on('second-instance', () => running.window.focus());
    app.on('window-all-closed', () => void running.stop());
  });
}
