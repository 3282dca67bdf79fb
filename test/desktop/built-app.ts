/**
 * The desktop app as `npm run build` makes it (electron-vite: out/main, out/preload, out/renderer), built once
 * per test run and again only when a source changed since. The desktop tests load these built files, never
 * the sources.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronViteCli } from '../../src/launch/electron-binary.js';
import { newestMtime } from '../../src/web/renderer-build';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const OUT = join(ROOT, 'out');
export const BUILT_MAIN = join(OUT, 'main/index.js');
export const BUILT_PRELOAD = join(OUT, 'preload/index.cjs');
export const BUILT_RENDERER = join(OUT, 'renderer');

const STAMP = join(OUT, '.desktop-build-sources-mtime');
const SOURCES = ['src', 'electron.vite.config.ts', 'package.json', 'package-lock.json'];

/** Runs `electron-vite build` unless out/ was built from the current sources (and not replaced since). */
export async function ensureDesktopBuild(): Promise<void> {
  const sources = Math.max(...(await Promise.all(SOURCES.map((p) => newestMtime(join(ROOT, p))))));
  let stamp = 0;
  try {
    stamp = Number(readFileSync(STAMP, 'utf8'));
    statSync(BUILT_MAIN);
    statSync(BUILT_PRELOAD);
    statSync(join(BUILT_RENDERER, 'index.html'));
  } catch {
    stamp = 0;
  }
  if (stamp >= sources) return;
  const build = spawnSync(process.execPath, [electronViteCli(), 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`);
  writeFileSync(STAMP, String(sources));
}
