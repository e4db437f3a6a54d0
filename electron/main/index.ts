import { app, BrowserWindow, dialog, ipcMain, MessageChannelMain } from 'electron';
import type { Rectangle } from 'electron';
import { autoUpdater } from 'electron-updater';
import { join } from 'node:path';
import { defaultDataDir } from '../core/platform/paths';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { startCoreProcess } from './core-process';
import type { DatabaseKeysForCore } from './answers-to-core';
import { hardenApp } from './hardening';
import { desktopDatabaseKeys, keychainAvailable } from './keychain';
import { sqliteBindingOverride } from './packaged-env';
import { registerCorePortHandover } from './core-port-handover';
import { registerWindowOpener } from './window-opener';
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

/**
 * Every window of the app: the same sandbox and preload (and, through hardenApp, the same guards).
 * The evidence window learns its pair id from its address; `bounds` keeps it where the one it
 * replaces was (on the second monitor).
 */
function createWindow(view: 'workstation' | { pair: string; bounds?: Rectangle }): BrowserWindow {
  const evidence = view !== 'workstation';
  const window = new BrowserWindow({
    width: evidence ? 1280 : 1440,
    height: evidence ? 800 : 900,
    ...(evidence ? view.bounds : {}),
    minWidth: evidence ? 480 : 960,
    minHeight: evidence ? 360 : 600,
    title: evidence ? 'Evidence — Assessor Workstation' : 'Assessor Workstation',
    show: false,
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js')),
  });
  window.once('ready-to-show', () => window.show());
  const page = evidence ? `/index.html?view=evidence&pair=${view.pair}` : '/index.html';
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

/**
 * A new pair each time the scoring window asks: one evidence window per scoring window, so one
 * still open from an older pair (the scoring window reloaded, or stopped hearing it) is closed and
 * the new one takes its place on screen, rather than being left showing evidence nothing follows.
 */
function openEvidenceWindow(pair: string): void {
  const previous = evidenceWindow && !evidenceWindow.isDestroyed() ? evidenceWindow : null;
  const opened = createWindow({ pair, bounds: previous?.getBounds() });
  previous?.close();
  evidenceWindow = opened;
  opened.on('closed', () => {
    if (evidenceWindow === opened) evidenceWindow = null;
  });
}

// One desktop workstation at a time: a second start brings the running one forward instead of
// opening a second core on the same data folder (core also refuses that, data-folder-lock.ts).
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.quit();
app.on('second-instance', () => {
  if (!scoringWindow || scoringWindow.isDestroyed()) return;
  if (scoringWindow.isMinimized()) scoringWindow.restore();
  scoringWindow.focus();
});

void app.whenReady().then(() => {
  if (!firstInstance) return;
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
  serveAppProtocol(join(__dirname, '../renderer'), core.evidence);
  registerCorePortHandover(ipcMain, { newChannel: () => new MessageChannelMain(), giveCore: (port) => core.connectRenderer(port) }, devServerOrigin);
  registerWindowOpener(ipcMain, (_view, pair) => openEvidenceWindow(pair), devServerOrigin);
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
