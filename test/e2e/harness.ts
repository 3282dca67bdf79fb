/**
 * End-to-end harness: the real web mode (`npm run web` entry) as a child process and Debian's Chromium driven
 * by playwright-core. Screenshots go to test-output/screenshots/ (kept by CI as artifacts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'test-output/screenshots');

export interface WebApp {
  /** The printed sign-in link: its code is good for one browser (one `page.goto`), which then holds the cookie. */
  url: string;
  port: number;
  userDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts web mode and resolves with the address from its single ready line. */
export function startWebApp(userDir = mkdtempSync(join(tmpdir(), 'digit-studio-e2e-'))): Promise<WebApp> {
  const child = spawn(process.execPath, [join(ROOT, 'src/launch/web.js'), '--no-open', '--port', '0', '--user-dir', userDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`web mode did not start in 120 s: ${stderr}`)), 120_000);
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const match = /Digit Studio at (http:\/\/127\.0\.0\.1:(\d+)\/\?code=\w+)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1],
        port: Number(match[2]),
        userDir,
        process: child,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`web mode exited with ${code}: ${stderr}`)));
  });
}

export interface ChromiumApp {
  app: WebApp;
  browser: Browser;
  page: Page;
}

/**
 * For a test file: web mode and a Chromium page open on it before the file's tests (the fields are set once its
 * beforeAll ran), both closed after them.
 */
export function useChromiumApp(): ChromiumApp {
  const session = {} as ChromiumApp;
  beforeAll(async () => {
    session.app = await startWebApp();
    session.browser = await launchChromium();
    session.page = await session.browser.newPage({ viewport: { width: 1360, height: 900 } });
    await session.page.goto(session.app.url);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.app?.stop();
  });
  return session;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Draws polylines given in fractions of the canvas box, as a mouse or as a pen with pressure (CDP). */
export async function drawStrokes(page: Page, testId: string, strokes: Array<Array<[number, number]>>, pointer: 'mouse' | 'pen' = 'mouse'): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} is not visible`);
  const at = ([fx, fy]: [number, number]): [number, number] => [box.x + fx * box.width, box.y + fy * box.height];
  const cdp = pointer === 'pen' ? await page.context().newCDPSession(page) : null;
  const send = async (type: 'mousePressed' | 'mouseMoved' | 'mouseReleased', [x, y]: [number, number]): Promise<void> => {
    await cdp!.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', buttons: type === 'mouseReleased' ? 0 : 1, clickCount: 1, pointerType: 'pen', force: type === 'mouseReleased' ? 0 : 0.7 });
  };
  for (const stroke of strokes) {
    const points: Array<[number, number]> = [];
    for (let i = 0; i < stroke.length - 1; i++) {
      for (let s = 0; s < 12; s++) {
        const t = s / 12;
        points.push([stroke[i][0] + (stroke[i + 1][0] - stroke[i][0]) * t, stroke[i][1] + (stroke[i + 1][1] - stroke[i][1]) * t]);
      }
    }
    points.push(stroke[stroke.length - 1]);
    if (cdp) {
      await send('mousePressed', at(points[0]));
      for (const p of points.slice(1)) await send('mouseMoved', at(p));
      await send('mouseReleased', at(points[points.length - 1]));
    } else {
      await page.mouse.move(...at(points[0]));
      await page.mouse.down();
      for (const p of points.slice(1)) await page.mouse.move(...at(p));
      await page.mouse.up();
    }
  }
  await cdp?.detach();
}

/** Opens the Draw page on the bundled model and draws one digit; resolves with the prediction element once it is read. */
export async function drawOnBundledModel(page: Page, strokes: Array<Array<[number, number]>>, pointer: 'mouse' | 'pen' = 'mouse'): Promise<Locator> {
  await page.getByTestId('nav-draw').click();
  await page.getByTestId('model-select').selectOption('bundled-digit-mlp');
  const prediction = page.getByTestId('prediction');
  await drawStrokes(page, 'draw-canvas', strokes, pointer);
  await expect.poll(() => prediction.getAttribute('data-strokes')).toBe(String(strokes.length));
  return prediction;
}
