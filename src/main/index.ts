/**
 * Electron main process: one hardened window showing the renderer, and the shared AppService behind the
 * API contract. Training runs in a worker thread; this layer only wires windows, IPC and files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, session, shell } from 'electron';
import { AppService } from '../core/service/app-service';
import { isAppUrl, wireIpc } from './ipc';
import { spawnBundledWorker, useBundledH5Reader } from './workers';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;

function createService(): AppService {
  const pkg = JSON.parse(readFileSync(join(app.getAppPath(), 'package.json'), 'utf8')) as { version: string };
  return new AppService({
    version: pkg.version,
    shell: 'electron',
    userDir: app.getPath('userData'),
    bundledModelsDir: app.isPackaged ? join(process.resourcesPath, 'models') : join(app.getAppPath(), 'resources/models'),
    spawnWorker: spawnBundledWorker,
  });
}

function createWindow(service: AppService): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Digit Studio',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.mjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  // Only the app's own pages load; links to the web open in the system browser, never in the app.
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  wireIpc(service, window, devServerUrl);
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  return window;
}

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  useBundledH5Reader();
  const service = createService();
  createWindow(service);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(service);
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
