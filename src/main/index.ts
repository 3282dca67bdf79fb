/**
 * Electron main process: one hardened window showing the renderer, and the shared AppService behind the
 * API contract. Training runs in a worker thread; this layer only wires the window, menu, IPC and files.
 */
import { readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, session } from 'electron';
import { inspectTflite, readTfliteFile } from '../core/formats/tflite/inspect';
import { AppService } from '../core/service/app-service';
import { lockUserDir } from '../core/service/user-dir-lock';
import { useBundledWorkers } from '../core/workers/bundled-files';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appFileHandler } from './app-protocol';
import { appBase, isAppUrl } from './guards';
import { sendEvent } from './ipc';
import { aboutDetail, menuTemplate } from './menu';
import { MODEL_FILE_EXTENSIONS, describeTflite, importModelFile, isModelFile, modelFileFromArgv, openFailure } from './open-file';
import { bundledModelsDir } from './paths';
import { createWindow } from './window';

// Before the app is ready, as Electron requires; this top-level code runs before `ready` (no await above it).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
const base = appBase(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
let mainWindow: BrowserWindow | null = null;
let service: AppService | null = null;
/** A file the system asked to open before the app was ready (macOS open-file, the first command line). */
let pendingFile = modelFileFromArgv(process.argv.slice(1), process.cwd());

function createService(): AppService {
  const pkg = JSON.parse(readFileSync(join(app.getAppPath(), 'package.json'), 'utf8')) as { version: string };
  return new AppService({
    version: pkg.version,
    shell: 'electron',
    userDir: app.getPath('userData'),
    bundledModelsDir: bundledModelsDir(app.isPackaged, process.resourcesPath, app.getAppPath()),
  });
}

/** Imports a model file into the library; a refusal is shown in one line, never fatal. */
async function openModel(path: string): Promise<void> {
  if (!service) {
    pendingFile = path;
    return;
  }
  try {
    if (extname(path).toLowerCase() === '.tflite') {
      await openTflite(path);
      return;
    }
    await importModelFile(service, path);
  } catch (error) {
    dialog.showErrorBox('Cannot open model', openFailure(path, error));
  }
}

/** Describes a .tflite (like `digit-studio info`) and, when the user asks, evaluates it on the Evaluate page. */
async function openTflite(path: string): Promise<void> {
  const bytes = await readTfliteFile(path);
  const detail = describeTflite(inspectTflite(bytes));
  const options = { type: 'info' as const, title: 'TensorFlow Lite model', message: basename(path), detail, buttons: ['Evaluate on the MNIST test set', 'Close'], defaultId: 0, cancelId: 1 };
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  if (response === 0 && mainWindow) sendEvent(mainWindow, { type: 'open-tflite', fileName: basename(path), data: Buffer.from(bytes).toString('base64') });
}

/**
 * Takes the user folder for this instance (user-dir-lock.ts; released when the app quits). When web mode holds
 * it, says which process does, on stderr too for a terminal launch, and quits: false.
 */
function holdUserDir(): boolean {
  try {
    lockUserDir(app.getPath('userData'), 'electron');
    return true;
  } catch (error) {
    console.error(`digit-studio: ${(error as Error).message}`);
    dialog.showErrorBox('Digit Studio is already running', (error as Error).message);
    app.quit();
    return false;
  }
}

async function chooseModel(): Promise<void> {
  const options = { properties: ['openFile' as const], filters: [{ name: 'Models', extensions: MODEL_FILE_EXTENSIONS.map((e) => e.slice(1)) }] };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  if (!result.canceled && result.filePaths[0]) await openModel(result.filePaths[0]);
}

async function showAbout(): Promise<void> {
  const status = (await service?.call('status', {})) as { version: string; backends: Array<{ label: string }> } | undefined;
  const detail = aboutDetail({
    version: status?.version ?? app.getVersion(),
    backend: status?.backends[0]?.label ?? 'unknown',
    electron: process.versions.electron,
    chrome: process.versions.chrome,
    node: process.versions.node,
  });
  const options = { type: 'info' as const, title: 'About Digit Studio', message: 'Digit Studio', detail };
  if (mainWindow) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function openMainWindow(): Promise<void> {
  if (!service) return;
  mainWindow = await createWindow(service, base, app.getPath('userData'));
  mainWindow.on('closed', () => (mainWindow = null));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second launch (e.g. double-clicking a .h5) hands its command line to this instance and exits.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow();
    const file = modelFileFromArgv(argv.slice(1), workingDirectory);
    if (file) void openModel(file);
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (isModelFile(path)) void openModel(path);
  });
  // Every web contents, including any the app never meant to create: no webviews, no new windows, no
  // navigation away from the app's own pages.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, base)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, base)) event.preventDefault();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(async () => {
    if (!holdUserDir()) return;
    session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    protocol.handle(APP_SCHEME, appFileHandler(join(import.meta.dirname, '../renderer')));
    useBundledWorkers(); // every worker, and the workers they start, from the files electron-vite bundled
    service = createService();
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(
          {
            openModel: () => void chooseModel(),
            send: (action) => mainWindow && sendEvent(mainWindow, { type: 'menu', action }),
            about: () => void showAbout(),
          },
          process.platform,
        ),
      ),
    );
    await openMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void openMainWindow();
    });
    if (pendingFile) {
      const file = pendingFile;
      pendingFile = undefined;
      await openModel(file);
    }
  });
}
