import { app, BrowserWindow, ipcMain } from 'electron';
import { autoUpdater } from 'electron-updater';
import { join } from 'node:path';
import { defaultDataDir } from '../core/paths';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { startCoreProcess } from './core-process';
import { hardenApp } from './hardening';
import { keychainAvailable } from './keychain';
import { sqliteBindingOverride } from './packaged-env';
import { eventChannel } from '../common/ipc-channels';
import { registerIpcBridge } from './ipc-bridge';
import { appOrigin } from './trusted-sender';
import { secureWebPreferences } from './window-options';

registerAppScheme();

function resourcesDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
}

/** electron-vite's dev server (`npm run dev`); never used by a packaged app. */
const devServerUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null;
const devServerOrigin = devServerUrl ? new URL(devServerUrl).origin : null;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Assessor Workstation',
    show: false,
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js')),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? `${appOrigin}/index.html`);
  return window;
}

void app.whenReady().then(() => {
  hardenApp(devServerOrigin);
  const core = startCoreProcess(join(__dirname, 'core.js'), {
    ASSESSOR_DATA_DIR: defaultDataDir(),
    ASSESSOR_RESOURCES_DIR: resourcesDir(),
    ASSESSOR_VERSION: app.getVersion(),
    ASSESSOR_SQLITE_BINDING: sqliteBindingOverride(app.isPackaged, process.env),
    ASSESSOR_VAULT_KIND: keychainAvailable() ? 'os' : 'memory',
  });
  serveAppProtocol(join(__dirname, '../renderer'), { resolve: (evidenceId, part) => core.resolveEvidence(evidenceId, part), reportUnreadable: (evidenceId) => core.reportUnreadable(evidenceId) });
  registerIpcBridge(ipcMain, (method, input) => core.invoke(method, input), devServerOrigin);
  core.onEvent((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(eventChannel, { event, payload });
  });
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('will-quit', () => core.stop());
  if (app.isPackaged) void autoUpdater.checkForUpdatesAndNotify().catch(() => undefined);
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
