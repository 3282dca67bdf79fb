/**
 * The desktop window as close as this machine allows: Debian's Chromium shows the BUILT renderer, every request
 * it makes answered by the built main process's own app:// protocol handler, and `window.digitStudio` made by
 * the BUILT preload, whose ipcRenderer is bridged to the built main process's ipcMain handler (and whose
 * events come from the main process's webContents.send). Chromium cannot load an unknown scheme, so the page
 * runs at a stand-in https origin that maps one-to-one onto app://digit-studio/.
 *
 * What differs from Electron: the preload runs in the page's main world (Electron: an isolated world behind
 * contextBridge), and IPC payloads are copied as JSON (Electron: structured clone).
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BUILT_PRELOAD } from './built-app';
import type { BuiltMain } from './built-main';

const APP_ORIGIN = 'app://digit-studio';
const STAND_IN_ORIGIN = 'https://digit-studio.desktop.test';

export const toAppUrl = (url: string): string => (url.startsWith(STAND_IN_ORIGIN) ? APP_ORIGIN + url.slice(STAND_IN_ORIGIN.length) : url);
const toStandIn = (url: string): string => (url.startsWith(APP_ORIGIN) ? STAND_IN_ORIGIN + url.slice(APP_ORIGIN.length) : url);

/**
 * The built preload wrapped as Electron's sandboxed preload wrapper runs it, with an `electron` module whose
 * contextBridge puts the API on window and whose ipcRenderer talks to the exposed binding.
 */
function preloadScript(source: string): string {
  return `(() => {
  const listeners = new Map();
  const electron = {
    contextBridge: { exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: Object.freeze(api) }) },
    ipcRenderer: {
      invoke: (channel, message) => window.__digitStudioIpcInvoke(channel, message),
      on: (channel, listener) => { if (!listeners.has(channel)) listeners.set(channel, new Set()); listeners.get(channel).add(listener); },
      removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
    },
  };
  const require = (name) => {
    if (name === 'electron') return electron;
    throw new Error('a sandboxed preload cannot require ' + name);
  };
  window.__digitStudioIpcEmit = (channel, payload) => { for (const listener of listeners.get(channel) ?? []) listener({}, payload); };
  const module = { exports: {} };
  (function (exports, require, module) {
${source}
  })(module.exports, require, module);
})();`;
}

export interface DesktopWindow {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and requests that left the app's origin. */
  problems: string[];
}

export async function openDesktopWindow(main: BuiltMain, browser: Browser): Promise<DesktopWindow> {
  const problems: string[] = [];
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(STAND_IN_ORIGIN)) {
      problems.push(`request outside the app: ${url}`);
      return route.abort('blockedbyclient');
    }
    const response = await main.command<{ status: number; headers: Record<string, string>; body: Uint8Array }>('fetch', {
      url: toAppUrl(url),
      method: route.request().method(),
    });
    if (response.status !== 200) problems.push(`app:// answered ${response.status} for ${toAppUrl(url)}`);
    return route.fulfill({ status: response.status, headers: response.headers, body: Buffer.from(response.body) });
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.exposeBinding('__digitStudioIpcInvoke', (source, channel: string, message: unknown) =>
    main.command('invoke', { channel, message, frameUrl: toAppUrl(source.frame.url()), mainFrame: source.frame === page.mainFrame() }),
  );
  await page.addInitScript({ content: preloadScript(readFileSync(BUILT_PRELOAD, 'utf8')) });
  main.onSend(({ channel, payload }) => {
    // A string body: this file is type-checked for Node, where the page's `window` does not exist.
    page.evaluate(`window.__digitStudioIpcEmit(${JSON.stringify(channel)}, ${JSON.stringify(payload)})`).catch(() => undefined);
  });
  await page.goto(toStandIn(await main.loaded));
  return { context, page, problems };
}
