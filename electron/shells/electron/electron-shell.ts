import { BrowserWindow, app, dialog, ipcMain, protocol, session, type OpenDialogOptions, type Rectangle } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../shared/ipc/bridge';
import type { Log } from '../../app/errors';
import { rendererDir } from '../../shell/paths';
import type { SettingsStore, Shell, WorkspaceWindow, WorkspaceWindowOptions } from '../../shell/port';
import { openSettingsStore } from '../../shell/settings';
import { serveWorkspaceFile } from '../../shell/static-files';

export const ELECTRON_WORKSPACE_ORIGIN = 'app://workspace';
const WORKSPACE_PARTITION = 'persist:workspace';

/** Must run before `app` is ready: app:// behaves like a standard, secure origin. */
export function registerWorkspaceScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * The Shell on Electron: a sandboxed, context-isolated BrowserWindow for the
 * workspace UI, served from app:// with its CSP, IPC through the preload only.
 */
export class ElectronShell implements Shell {
  readonly kind = 'electron';
  readonly workspaceOrigin = ELECTRON_WORKSPACE_ORIGIN;
  readonly settings: SettingsStore;
  private window: BrowserWindow | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly log: Log,
  ) {
    this.settings = openSettingsStore(
      join(dataDir, 'settings.json'),
      () => new Store<Record<string, unknown>>({ cwd: dataDir, name: 'settings' }),
      log,
    );
  }

  locale(): string {
    return app.getLocale();
  }

  readonly chooseWorkspaceFile = async (): Promise<string | null> => {
    const options: OpenDialogOptions = {
      title: 'Open a workspace',
      defaultPath: this.dataDir,
      filters: [{ name: 'Reseller Desk workspace', extensions: ['sqlite', 'db'] }],
      properties: ['openFile', 'promptToCreate'],
    };
    const result = this.window ? await dialog.showOpenDialog(this.window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };

  async openWorkspaceWindow({ onInvoke, onClosed }: WorkspaceWindowOptions): Promise<WorkspaceWindow> {
    const ses = session.fromPartition(WORKSPACE_PARTITION);
    const root = rendererDir();
    ses.protocol.handle('app', async (request) => {
      const url = new URL(request.url);
      if (`${url.protocol}//${url.host}` !== ELECTRON_WORKSPACE_ORIGIN) return new Response('not found', { status: 404 });
      const { status, headers, body } = await serveWorkspaceFile(root, url.pathname);
      return new Response(new Uint8Array(body), { status, headers });
    });
    // The workspace UI asks for nothing: camera, notifications, geolocation … are all refused.
    ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    // Only our own files: any other request from the workspace page is cancelled.
    ses.webRequest.onBeforeRequest((details, callback) =>
      callback({ cancel: !details.url.startsWith(`${ELECTRON_WORKSPACE_ORIGIN}/`) && !details.url.startsWith('devtools://') }),
    );

    const bounds = this.settings.get('windowBounds') as Rectangle | undefined;
    const window = new BrowserWindow({
      width: bounds?.width ?? 1280,
      height: bounds?.height ?? 820,
      ...(bounds && { x: bounds.x, y: bounds.y }),
      minWidth: 880,
      minHeight: 560,
      show: false,
      title: 'Reseller Desk',
      webPreferences: {
        partition: WORKSPACE_PARTITION,
        preload: join(import.meta.dirname, 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        spellcheck: true,
      },
    });
    this.window = window;
    const contents = window.webContents;
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${ELECTRON_WORKSPACE_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    window.once('ready-to-show', () => window.show());
    window.on('close', () => this.settings.set('windowBounds', window.getNormalBounds()));
    window.on('closed', () => {
      ipcMain.removeHandler(INVOKE_CHANNEL);
      this.window = undefined;
      onClosed();
    });

    ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, input: unknown) => {
      // Only this window's own top frame counts as the workspace; the router checks its URL too.
      const frame = event.senderFrame;
      const fromWorkspace = event.sender === contents && frame !== null && frame === contents.mainFrame;
      return onInvoke({ url: frame?.url ?? '', isMainFrame: fromWorkspace }, channel, input);
    });

    await window.loadURL(`${ELECTRON_WORKSPACE_ORIGIN}/index.html`);
    return {
      send: (event, payload) => {
        if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
      },
      focus: () => {
        if (window.isMinimized()) window.restore();
        window.focus();
      },
    };
  }

  async close(): Promise<void> {
    app.quit();
  }
}
