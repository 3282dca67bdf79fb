/**
 * The main window, hardened per Electron's security checklist: sandboxed renderer with context isolation,
 * no Node, web security on, only the app's own pages, no new windows, no webviews. Its size and place are
 * remembered in userData.
 */
import { join } from 'node:path';
import { BrowserWindow, screen } from 'electron';
import type { AppService } from '../core/service/app-service';
import { APP_BASE } from './app-protocol';
import { isAppUrl } from './guards';
import { wireIpc } from './ipc';
import { PRELOAD_SCRIPT } from './paths';
import { MIN_HEIGHT, MIN_WIDTH, loadWindowState, saveWindowState } from './window-state';

export async function createWindow(service: AppService, base: URL, userDir: string): Promise<BrowserWindow> {
  const state = await loadWindowState(
    userDir,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...(state ? { x: state.x, y: state.y, width: state.width, height: state.height } : { width: 1280, height: 860 }),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: 'Digit Studio',
    show: false,
    webPreferences: {
      // The preload (src/preload/index.ts) exposes only the typed API contract through contextBridge, nothing
      // of Electron or Node; the scan's PRELOAD_JS_CHECK asks for exactly that review.
      preload: join(import.meta.dirname, PRELOAD_SCRIPT), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => {
    if (state?.maximized) window.maximize();
    window.show();
  });
  // Saved shortly after every move or resize, so the state survives a quit that does not wait for a last write.
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    clearTimeout(timer);
    if (window.isDestroyed() || window.isMinimized()) return;
    void saveWindowState(userDir, { ...window.getNormalBounds(), maximized: window.isMaximized() }).catch(() => undefined);
  };
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', save);
  wireIpc(service, window, base);
  const url = base.href === APP_BASE.href ? new URL('index.html', base).href : base.href;
  if (!isAppUrl(url, base)) throw new Error(`refusing to load ${url}`);
  await window.loadURL(url);
  return window;
}
