// Where the Electron binary lives once downloaded, without triggering the download that
// require('electron') starts when it is missing.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function electronPackageDir() {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** Absolute path of the Electron executable, or null when the binary is not installed. */
export function electronBinary() {
  const dir = electronPackageDir();
  if (!dir) return null;
  try {
    const binary = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** electron-vite's command-line script: its exports map hides bin/, so it is found beside its package.json. */
export function electronViteCli() {
  return join(dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')), 'bin/electron-vite.js');
}
