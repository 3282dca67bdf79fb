/**
 * Where the desktop flows run. By default (CI, this machine): the built main process under the electron double
 * and the built renderer + preload in Debian's Chromium (desktop-window.ts). With DIGIT_STUDIO_DESKTOP=electron
 * (`npm run test:electron`, where Electron's binary is installed): the real app, launched from the built files
 * by playwright's Electron support, its user data in a temp folder.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type Page } from 'playwright-core';
import { electronBinary } from '../../src/launch/electron-binary.js';
import { launchChromium } from '../e2e/harness';
import { ROOT, ensureDesktopBuild } from './built-app';
import { startBuiltMain } from './built-main';
import { openDesktopWindow } from './desktop-window';

export interface DesktopTarget {
  kind: 'electron double + Chromium' | 'Electron';
  page: Page;
  /** The app's user data folder. */
  userDir: string;
  /** Console errors, page errors and requests outside the app seen so far. */
  problems: string[];
  /** What the main process wrote to stderr. */
  stderr(): string;
  close(): Promise<void>;
}

export const REAL_ELECTRON = process.env.DIGIT_STUDIO_DESKTOP === 'electron';

async function openRealElectron(): Promise<DesktopTarget> {
  const executablePath = electronBinary();
  if (!executablePath) throw new Error("DIGIT_STUDIO_DESKTOP=electron, but Electron's binary is not installed");
  // On Linux userData is $XDG_CONFIG_HOME/<productName>: a temp folder keeps the user's own library untouched.
  const config = mkdtempSync(join(tmpdir(), 'digit-studio-electron-'));
  const app = await _electron.launch({ executablePath, args: [ROOT], cwd: ROOT, env: { ...process.env, XDG_CONFIG_HOME: config } as Record<string, string> });
  let stderr = '';
  app.process().stderr?.on('data', (chunk) => (stderr += chunk));
  const page = await app.firstWindow();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.waitForLoadState('domcontentloaded');
  return { kind: 'Electron', page, userDir: join(config, 'Digit Studio'), problems, stderr: () => stderr, close: () => app.close() };
}

async function openUnderDouble(): Promise<DesktopTarget> {
  const main = startBuiltMain();
  const browser = await launchChromium();
  const { page, problems } = await openDesktopWindow(main, browser);
  return {
    kind: 'electron double + Chromium',
    page,
    userDir: main.userDir,
    problems,
    stderr: main.stderr,
    close: async () => {
      await browser.close();
      await main.stop();
    },
  };
}

export async function openDesktopTarget(): Promise<DesktopTarget> {
  await ensureDesktopBuild();
  return REAL_ELECTRON ? openRealElectron() : openUnderDouble();
}
