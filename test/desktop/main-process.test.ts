/**
 * The BUILT main process (out/main/index.js) under the electron double: startup order, the window it makes,
 * the app:// protocol it serves, its navigation/permission guards, IPC sender checks, menu, single-instance
 * lock, files the system asks it to open, and the window-state file. What it does is judged against Electron's
 * documented rules and the security checklist, not against its own code.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../src/core/api/ipc';
import { loadMnist } from '../../src/core/dataset';
import { LOCK_FILE, lockUserDir } from '../../src/core/service/user-dir-lock';
import { VERIFY_FIXTURES } from '../helpers/verify-kit';
import { BUILT_PRELOAD, BUILT_RENDERER, ensureDesktopBuild } from './built-app';
import { startBuiltMain, type BuiltMain, type SentEvent } from './built-main';

const APP_PAGE = 'app://digit-studio/index.html';

interface State {
  calls: Array<{ name: string; [key: string]: unknown }>;
  windows: Array<{ options: { webPreferences: Record<string, unknown> } & Record<string, unknown>; preloadExists: boolean; loaded: string[] }>;
  schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>;
  protocols: string[];
  ipcChannels: string[];
  menu: Array<{ label?: string; submenu?: Array<{ label?: string; accelerator?: string; role?: string }> }>;
}
interface Fetched {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}
type Reply = { ok: true; result: unknown } | { ok: false; error: string };

let main: BuiltMain;
const sent: SentEvent[] = [];
const state = (): Promise<State> => main.command<State>('state');
const fetchApp = (url: string, method = 'GET'): Promise<Fetched> => main.command<Fetched>('fetch', { url, method });
const invoke = (method: string, params: unknown, from: Record<string, unknown> = {}): Promise<Reply> =>
  main.command<Reply>('invoke', { channel: IPC_CALL_CHANNEL, message: { method, params }, frameUrl: APP_PAGE, ...from });

beforeAll(async () => {
  await ensureDesktopBuild();
  main = startBuiltMain();
  main.onSend((event) => sent.push(event));
  await main.loaded;
});
afterAll(() => main?.stop());

describe('the built main process starting under the electron double', () => {
  it('registers app:// as a privileged scheme before ready, serves it after ready, then opens one window on it', async () => {
    const { calls, schemes, protocols, windows } = await state();
    const order = calls.map((c) => c.name);
    expect(order.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(order.indexOf('ready'));
    expect(order.indexOf('app.requestSingleInstanceLock')).toBeLessThan(order.indexOf('ready'));
    expect(schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(protocols).toEqual(['app']);
    expect(windows).toHaveLength(1);
    expect(windows[0].loaded).toEqual([APP_PAGE]);
    expect(main.stderr()).toBe('');
  });

  it('makes the window per the security checklist, with the built .cjs preload that exists on disk', async () => {
    const [window] = (await state()).windows;
    // Electron's security checklist: no Node in the renderer (2), context isolation (3), sandbox (4), web security
    // (6), no insecure content (8), no <webview> (12).
    const checklist = { nodeIntegration: false, nodeIntegrationInWorker: false, contextIsolation: true, sandbox: true, webSecurity: true };
    expect(window.options.webPreferences).toMatchObject({ ...checklist, allowRunningInsecureContent: false, webviewTag: false, preload: BUILT_PRELOAD });
    expect(window.preloadExists).toBe(true);
  });

  it('serves the built renderer through app:// with MIME types and the CSP header, every asset index.html names', async () => {
    const page = await fetchApp(APP_PAGE);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const csp = page.headers['content-security-policy'].split('; ');
    expect(csp).toEqual(expect.arrayContaining(["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "frame-ancestors 'none'"]));
    expect(csp.join(' ')).not.toMatch(/https?:|\*|'unsafe-eval'/);
    const html = Buffer.from(page.body).toString('utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(1);
    for (const asset of assets) {
      const file = await fetchApp(new URL(asset, APP_PAGE).href);
      expect(file.status, asset).toBe(200);
      expect(file.headers['content-type'], asset).toMatch(asset.endsWith('.js') ? /^text\/javascript/ : asset.endsWith('.css') ? /^text\/css/ : /./);
      expect(Buffer.from(file.body).equals(readFileSync(join(BUILT_RENDERER, asset))), asset).toBe(true);
    }
  });

  it('serves nothing outside out/renderer: climbing, encoded escapes, bad escapes, symlinks, other hosts, writes', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'digit-studio-secret-'));
    writeFileSync(join(outside, 'secret.txt'), 'SECRET');
    const link = join(BUILT_RENDERER, 'link-out');
    symlinkSync(outside, link);
    try {
      const statuses: Record<string, number> = {};
      for (const path of ['../main/index.js', '..%2fmain%2findex.js', '%2e%2e/%2e%2e/package.json', '%', 'a%00b', 'link-out/secret.txt', 'assets', 'nope.js']) {
        const response = await fetchApp(`app://digit-studio/${path}`);
        statuses[path] = response.status;
        expect(Buffer.from(response.body).toString()).not.toMatch(/SECRET|import|"name"/);
      }
      for (const status of Object.values(statuses)) expect([400, 404]).toContain(status);
      expect((await fetchApp('app://evil.example/index.html')).status).toBe(404);
      expect((await fetchApp(APP_PAGE, 'POST')).status).toBe(405);
    } finally {
      rmSync(link);
      rmSync(outside, { recursive: true });
    }
  });

  it('denies navigation away, new windows, webviews and every permission', async () => {
    expect(await main.command('navigate', { kind: 'will-navigate', url: 'https://example.com/' })).toEqual({ prevented: true });
    expect(await main.command('navigate', { kind: 'will-navigate', url: 'file:///etc/passwd' })).toEqual({ prevented: true });
    expect(await main.command('navigate', { kind: 'will-redirect', url: 'app://evil.example/' })).toEqual({ prevented: true });
    expect(await main.command('navigate', { kind: 'will-navigate', url: `${APP_PAGE}#/draw` })).toEqual({ prevented: false });
    expect(await main.command('navigate', { kind: 'will-attach-webview', url: APP_PAGE })).toEqual({ prevented: true });
    expect(await main.command('navigate', { kind: 'window-open', url: APP_PAGE })).toEqual({ action: 'deny' });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      expect(await main.command('permission', { permission })).toEqual({ request: false, check: false });
    }
  });

  it("answers the contract over IPC only from the window's top frame on an app page", async () => {
    const listed = await invoke('listModels', {});
    expect(listed.ok).toBe(true);
    expect((listed as { result: Array<{ id: string }> }).result.map((m) => m.id)).toContain('bundled-digit-mlp');
    const refused = /^refused: the request did not come from the Digit Studio window$/;
    expect(await invoke('listModels', {}, { mainFrame: false })).toEqual({ ok: false, error: expect.stringMatching(refused) });
    expect(await invoke('listModels', {}, { foreignContents: true })).toEqual({ ok: false, error: expect.stringMatching(refused) });
    expect(await invoke('listModels', {}, { frameUrl: 'https://example.com/' })).toEqual({ ok: false, error: expect.stringMatching(refused) });
    const bad = await invoke('getModel', { id: '../../etc/passwd' });
    expect(bad.ok).toBe(false);
    expect((bad as { error: string }).error).not.toMatch(/\n|at .*\(/);
    const unknown = await main.command<Reply>('invoke', { channel: IPC_CALL_CHANNEL, message: 42, frameUrl: APP_PAGE });
    expect(unknown.ok).toBe(false);
  });

  it("has the File menu with its accelerators; its Save command reaches the renderer on the contract's event channel", async () => {
    const file = (await state()).menu.find((m) => m.label === '&File')!;
    expect(file.submenu!.map((i) => [i.label, i.accelerator])).toEqual(
      expect.arrayContaining([
        ['Open Model…', 'CmdOrCtrl+O'],
        ['Save as .h5…', 'CmdOrCtrl+S'],
        ['Export TFLite…', 'CmdOrCtrl+E'],
      ]),
    );
    await main.command('clickMenu', { label: 'Save as .h5…' });
    await expect.poll(() => sent.find((e) => e.channel === IPC_EVENT_CHANNEL && (e.payload as { type: string }).type === 'menu')).toEqual({
      channel: IPC_EVENT_CHANNEL,
      payload: { type: 'menu', action: 'save-h5' },
    });
  });

  it('opens model files the system hands it: .h5 from the Open dialog or a second launch is imported, .tflite is described and sent to the Evaluate page', async () => {
    await main.command('answerOpenDialog', { filePaths: [`${VERIFY_FIXTURES}keras_reference_mlp.h5`] });
    await main.command('clickMenu', { label: 'Open Model…' });
    const names = async (): Promise<string[]> => ((await invoke('listModels', {})) as { result: Array<{ name: string }> }).result.map((m) => m.name);
    await expect.poll(names, { timeout: 30_000 }).toContain('keras_reference_mlp');
    await main.command('appEvent', { name: 'second-instance', args: [['digit-studio', `${VERIFY_FIXTURES}reference_cnn.tflite`], '/'] });
    await expect
      .poll(async () => (await state()).calls.find((c) => c.name === 'dialog.showMessageBox' && c.title === 'TensorFlow Lite model'), { timeout: 30_000 })
      .toMatchObject({ message: 'reference_cnn.tflite', detail: expect.stringMatching(/Input: .*\[1,28,28,1\]/) });
    // The double answers the dialog with its first button, "Evaluate on the MNIST test set": the file's bytes go to the renderer.
    const opened = (): unknown => sent.find((e) => e.channel === IPC_EVENT_CHANNEL && (e.payload as { type: string }).type === 'open-tflite')?.payload;
    await expect.poll(opened, { timeout: 30_000 }).toEqual({
      type: 'open-tflite',
      fileName: 'reference_cnn.tflite',
      data: readFileSync(`${VERIFY_FIXTURES}reference_cnn.tflite`).toString('base64'),
    });
    expect((await state()).calls.map((c) => c.name)).toContain('window.focus');
    const badFile = join(main.userDir, 'broken.h5');
    writeFileSync(badFile, 'not an HDF5 file');
    expect(await main.command('appEvent', { name: 'open-file', args: [badFile] })).toEqual({ prevented: true });
    await expect
      .poll(async () => (await state()).calls.find((c) => c.name === 'dialog.showErrorBox'), { timeout: 30_000 })
      .toMatchObject({ title: 'Cannot open model', content: expect.stringMatching(/^[^\n]*broken\.h5: [^\n]+$/) });
  });

  it('keeps an opened .tflite compiled in LiteRT.js in the main process and reads the Draw page’s drawings with it over IPC', async () => {
    const opened = await invoke('openTfliteForDrawing', { fileName: 'reference_cnn.tflite', data: readFileSync(`${VERIFY_FIXTURES}reference_cnn.tflite`).toString('base64') });
    expect(opened).toMatchObject({ ok: true, result: { fileName: 'reference_cnn.tflite', runtime: expect.stringMatching(/^LiteRT\.js \d/), input: expect.stringMatching(/^float32 \[1,28,28,1\]/) } });
    const { id } = (opened as { result: { id: string } }).result;
    // MNIST test digits as the Draw page sends them (pixel / 255): the independently written CNN reads them as their labels.
    const { test } = await loadMnist();
    let correct = 0;
    for (let i = 0; i < 10; i++) {
      const input = Array.from(test.pixels.subarray(i * 784, (i + 1) * 784), (v) => v / 255);
      const reply = (await invoke('predictTflite', { id, input })) as { result: { probabilities: number[] } };
      const { probabilities } = reply.result;
      if (probabilities.indexOf(Math.max(...probabilities)) === test.labels[i]) correct++;
    }
    expect(correct).toBeGreaterThanOrEqual(9);
    expect(await invoke('predictTflite', { id, input: [0.5] })).toEqual({ ok: false, error: expect.stringMatching(/^invalid predictTflite request: input: /) });
  });

  it('reveals a model file in the folder through shell.showItemInFolder', async () => {
    const reply = await invoke('revealModel', { id: 'bundled-digit-mlp' });
    expect(reply.ok).toBe(true);
    const reveal = (await state()).calls.find((c) => c.name === 'shell.showItemInFolder');
    expect(reveal?.path).toMatch(/resources\/models\/digit-mlp\.json$/);
  });

  it('saves the window state on close and stops serving IPC once the window is gone', async () => {
    await main.command('closeWindow');
    const saved = (): unknown => JSON.parse(readFileSync(join(main.userDir, 'window-state.json'), 'utf8').toString() || 'null');
    await expect.poll(() => saved(), { timeout: 5_000 }).toEqual({ x: 10, y: 20, width: 1280, height: 860, maximized: false });
    expect((await state()).ipcChannels).toEqual([]);
    expect(readdirSync(main.userDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the built main process at other starts', () => {
  it('quits at once, opening no window, when another instance holds the single-instance lock', async () => {
    const second = startBuiltMain({ lockHeld: true });
    expect(await second.exited).toBe(0);
  });

  it('shows who holds the user folder and quits, opening no window and writing nothing, when web mode holds it', async () => {
    const userDir = mkdtempSync(join(tmpdir(), 'digit-studio-desktop-held-'));
    const webMode = lockUserDir(userDir, 'web');
    try {
      const second = startBuiltMain({ userDir });
      expect(await second.exited).toBe(0); // app.quit()
      const holder = `Digit Studio is already using .* \\(web mode, process ${process.pid}, started .*\\): close it first`;
      expect(second.calls.find((c) => c.name === 'dialog.showErrorBox')).toMatchObject({ title: 'Digit Studio is already running', content: expect.stringMatching(new RegExp(`^${holder}$`)) });
      expect(second.calls.map((c) => c.name)).not.toContain('window.show');
      expect(second.stderr()).toMatch(new RegExp(`^digit-studio: ${holder}\\n$`));
      expect(readdirSync(userDir)).toEqual([LOCK_FILE]);
    } finally {
      webMode.release();
    }
  });

  it('honours ELECTRON_RENDERER_URL in development only, never in a packaged app', async () => {
    const dev = startBuiltMain({ env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } });
    const packaged = startBuiltMain({ env: { ELECTRON_RENDERER_URL: 'http://localhost:5173', DOUBLE_PACKAGED: '1' } });
    try {
      expect(await dev.loaded).toBe('http://localhost:5173/');
      expect(await packaged.loaded).toBe(APP_PAGE);
    } finally {
      await dev.stop();
      await packaged.stop();
    }
  });

  it('imports a .h5 named on its first command line once it is ready', async () => {
    const withFile = startBuiltMain({ argv: [`${VERIFY_FIXTURES}keras_reference_mlp.h5`] });
    try {
      await withFile.loaded;
      const names = async (): Promise<string[]> =>
        ((await withFile.command<Reply>('invoke', { channel: IPC_CALL_CHANNEL, message: { method: 'listModels', params: {} }, frameUrl: APP_PAGE })) as {
          result: Array<{ name: string }>;
        }).result.map((m) => m.name);
      await expect.poll(names, { timeout: 30_000 }).toContain('keras_reference_mlp');
    } finally {
      await withFile.stop();
    }
  });
});
