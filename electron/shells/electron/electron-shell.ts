import {
  BaseWindow,
  BrowserWindow,
  WebContentsView,
  app,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  session,
  type OpenDialogOptions, type SaveDialogOptions,
  type Rectangle,
  type Session,
  type WebContents,
} from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../shared/ipc/bridge';
import type { Log } from '../../app/errors';
import { rendererDir } from '../../shell/paths';
import { PortalUnreachableError, WINDOW_SECRET_HEADER, type PortalWindow, type PortalWindowOptions, type SettingsStore, type Shell, type WorkspaceWindow, type WorkspaceWindowOptions } from '../../shell/port';
import { fileSecretStore, keychainCodec, keychainProtection, type SecretStore } from '../../shell/secrets';
import { PRIVATE_FILE } from '../../shell/private-files';
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
  /** Encrypted with the OS keychain (safeStorage) before they touch the disk, where there is one. */
  readonly secrets: SecretStore;
  private window: BrowserWindow | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly log: Log,
  ) {
    this.settings = openSettingsStore(
      join(dataDir, 'settings.json'),
      () => new Store<Record<string, unknown>>({ cwd: dataDir, name: 'settings', configFileMode: PRIVATE_FILE }),
      log,
    );
    // Asked once the app is ready (the shell is made then): before, Linux reports no backend.
    const available = safeStorage.isEncryptionAvailable();
    this.secrets = fileSecretStore(
      join(dataDir, 'secrets.json'),
      keychainCodec({ available, encrypt: (plain) => safeStorage.encryptString(plain), decrypt: (encrypted) => safeStorage.decryptString(encrypted) }),
      keychainProtection({
        encryptionAvailable: available,
        platform: process.platform,
        linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
      }),
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

  readonly chooseSaveFile = async (defaultName: string): Promise<string | null> => {
    const options: SaveDialogOptions = {
      title: 'Export clients',
      defaultPath: join(app.getPath('documents'), defaultName),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    };
    const result = this.window ? await dialog.showSaveDialog(this.window, options) : await dialog.showSaveDialog(options);
    return result.canceled ? null : (result.filePath ?? null);
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

  /**
   * A portal window: our own script-free bar (title, accent, "Return to
   * reseller") above a sandboxed view on the partition, with no preload, no
   * permissions, navigation held to the allowed origins, pop-ups kept in the
   * same partition, downloads asked through Electron's save dialog.
   */
  async openPortalWindow(options: PortalWindowOptions): Promise<PortalWindow> {
    const ses = session.fromPartition(options.partition);
    guardPortalSession(ses, options);
    const window = new BaseWindow({ width: 1200, height: 820, title: options.title, backgroundColor: options.accent });
    const portal = new WebContentsView({ webPreferences: portalPreferences(options.partition) });
    guardPortalContents(portal.webContents, options);
    window.contentView.addChildView(portal);

    const barHeight = options.bar ? 40 : 0;
    if (options.bar) {
      const bar = new WebContentsView({ webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
      bar.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      bar.webContents.on('will-navigate', (event, url) => {
        event.preventDefault();
        if (url === RETURN_URL) options.onReturn();
      });
      window.contentView.addChildView(bar);
      void bar.webContents.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(barPage(options))}`);
      window.on('resize', () => bar.setBounds({ x: 0, y: 0, width: window.getContentSize()[0]!, height: barHeight }));
      bar.setBounds({ x: 0, y: 0, width: window.getContentSize()[0]!, height: barHeight });
    }
    const layout = () => {
      const [width, height] = window.getContentSize();
      portal.setBounds({ x: 0, y: barHeight, width: width!, height: height! - barHeight });
    };
    window.on('resize', layout);
    layout();

    let closing = false;
    const wipe = async () => {
      await ses.clearStorageData();
      await ses.clearCache();
      await ses.clearAuthCache();
    };
    window.on('closed', () => {
      if (closing) return;
      closing = true;
      void wipe();
      options.onClosed();
    });
    try {
      await portal.webContents.loadURL(options.url);
    } catch (error) {
      // ERR_ABORTED: the page moved on by itself while loading, which is no failure to reach it.
      const code = (error as { code?: string }).code ?? 'ERR_FAILED';
      if (code !== 'ERR_ABORTED') {
        closing = true;
        window.close();
        await wipe();
        throw new PortalUnreachableError(new URL(options.url).origin, `net::${code}`);
      }
    }
    return {
      focus: () => {
        window.show();
        window.focus();
      },
      close: async () => {
        if (closing) return;
        closing = true;
        window.close();
        await wipe();
      },
    };
  }

  async close(): Promise<void> {
    app.quit();
  }
}

const RETURN_URL = 'https://return.reseller-desk.invalid/';

const portalPreferences = (partition: string) => ({
  partition,
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
});

const isAllowed = (url: string, origins: string[]) => {
  try {
    return origins.includes(new URL(url).origin);
  } catch {
    return false;
  }
};

function guardPortalSession(ses: Session, options: PortalWindowOptions): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    if (details.resourceType === 'mainFrame' || details.resourceType === 'subFrame') options.onActivity();
    callback({ cancel: !isAllowed(details.url, options.allowedOrigins) && !details.url.startsWith('devtools://') });
  });
  // The window's secret goes to the portal it logs in to, and nowhere else.
  ses.webRequest.onBeforeSendHeaders((details, callback) =>
    callback({
      requestHeaders: isAllowed(details.url, options.allowedOrigins) ? { ...details.requestHeaders, [WINDOW_SECRET_HEADER]: options.windowSecret } : details.requestHeaders,
    }),
  );
}

/** Navigation held to the portal; pop-ups open in the same partition under the same rules. */
function guardPortalContents(contents: WebContents, options: PortalWindowOptions): void {
  const hold = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowed(url, options.allowedOrigins)) event.preventDefault();
  };
  contents.on('will-navigate', hold);
  contents.on('before-input-event', (_event, input) => input.type === 'keyDown' && options.onActivity());
  contents.on('will-redirect', hold);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) =>
    isAllowed(url, options.allowedOrigins)
      ? { action: 'allow', overrideBrowserWindowOptions: { webPreferences: portalPreferences(options.partition) } }
      : { action: 'deny' },
  );
  contents.on('did-create-window', (child) => guardPortalContents(child.webContents, options));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The bar is static HTML without script; its link is caught by will-navigate. */
function barPage({ bar, accent }: PortalWindowOptions): string {
  return `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><style>
body{margin:0;height:40px;display:flex;align-items:center;justify-content:space-between;padding:0 14px;background:${escapeHtml(accent)};color:#fff;font:600 13px system-ui,sans-serif}
a{color:#fff;border:1px solid #fff8;border-radius:6px;padding:4px 10px;text-decoration:none}a:hover{background:#fff2}
</style></head><body><span>${escapeHtml(bar?.text ?? '')}</span><a href="${RETURN_URL}">${escapeHtml(bar?.returnLabel ?? '')}</a></body></html>`;
}
