import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { autoUpdater } from 'electron-updater';
import { join } from 'node:path';
import { defaultDataDir } from '../core/paths';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { startCoreProcess } from './core-process';
import type { DatabaseKeysForCore } from './core-process';
import { hardenApp } from './hardening';
import { desktopDatabaseKeys, keychainAvailable } from './keychain';
import { sqliteBindingOverride } from './packaged-env';
import { eventChannel } from '../common/ipc-channels';
import { registerIpcBridge, registerWindowOpener } from './ipc-bridge';
import { appOrigin } from './trusted-sender';
import { secureWebPreferences } from './window-options';

registerAppScheme();

function resourcesDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
}

/** electron-vite's dev server (`npm run dev`); never used by a packaged app. */
const devServerUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null;
const devServerOrigin = devServerUrl ? new URL(devServerUrl).origin : null;

/** The scoring window, and the evidence in a window of its own (a second monitor) while open. */
let scoringWindow: BrowserWindow | null = null;
let evidenceWindow: BrowserWindow | null = null;

/** Every window of the app: the same sandbox and preload (and, through hardenApp, the same guards). */
function createWindow(view: 'workstation' | 'evidence'): BrowserWindow {
  const window = new BrowserWindow({
    width: view === 'evidence' ? 1280 : 1440,
    height: view === 'evidence' ? 800 : 900,
    minWidth: view === 'evidence' ? 480 : 960,
    minHeight: view === 'evidence' ? 360 : 600,
    title: view === 'evidence' ? 'Evidence — Assessor Workstation' : 'Assessor Workstation',
    show: false,
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js')),
  });
  window.once('ready-to-show', () => window.show());
  const page = view === 'evidence' ? '/index.html?view=evidence' : '/index.html';
  void window.loadURL(devServerUrl ? new URL(page, devServerUrl).href : `${appOrigin}${page}`);
  return window;
}

function openScoringWindow(): void {
  scoringWindow = createWindow('workstation');
  scoringWindow.on('closed', () => {
    scoringWindow = null;
    evidenceWindow?.close(); // the evidence window belongs to the scoring window
  });
}

function openEvidenceWindow(): void {
  if (evidenceWindow) return evidenceWindow.focus();
  evidenceWindow = createWindow('evidence');
  evidenceWindow.on('closed', () => {
    evidenceWindow = null;
  });
}

void app.whenReady().then(() => {
  hardenApp(devServerOrigin);
  let databaseKeys: DatabaseKeysForCore;
  try {
    databaseKeys = desktopDatabaseKeys(defaultDataDir());
  } catch (error) {
    // Without its key the database cannot be opened: say why and stop, touching nothing.
    dialog.showErrorBox('Assessor Workstation cannot open your work', error instanceof Error ? error.message : String(error));
    app.quit();
    return;
  }
  const core = startCoreProcess(
    join(__dirname, 'core.js'),
    {
      ASSESSOR_DATA_DIR: defaultDataDir(),
      ASSESSOR_RESOURCES_DIR: resourcesDir(),
      ASSESSOR_VERSION: app.getVersion(),
      ASSESSOR_SQLITE_BINDING: sqliteBindingOverride(app.isPackaged, process.env),
      ASSESSOR_VAULT_KIND: keychainAvailable() ? 'os' : 'memory',
    },
    databaseKeys,
  );
  serveAppProtocol(join(__dirname, '../renderer'), { resolve: (evidenceId, part) => core.resolveEvidence(evidenceId, part), reportUnreadable: (evidenceId) => core.reportUnreadable(evidenceId) });
  registerIpcBridge(ipcMain, (method, input) => core.invoke(method, input), devServerOrigin);
  registerWindowOpener(ipcMain, openEvidenceWindow, devServerOrigin);
  core.onEvent((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(eventChannel, { event, payload });
  });
  openScoringWindow();
  app.on('activate', () => {
    if (!scoringWindow) openScoringWindow();
  });
  app.on('will-quit', () => core.stop());
  if (app.isPackaged) void autoUpdater.checkForUpdatesAndNotify().catch(() => undefined);
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
