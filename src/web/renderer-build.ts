/**
 * Web mode serves the built renderer from out/renderer. It is rebuilt, quietly (so `npm run web` still prints
 * one line), when missing or when any source it is made from changed since the build started. The build goes
 * to a temp folder that replaces out/renderer in one rename, so a page is never served half-built.
 */
import { readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_OUT = join(PROJECT, 'out/renderer');
const STAMP = '.sources-mtime';
const SOURCES = ['src/renderer', 'src/core', 'vite.config.ts', 'package-lock.json'].map((p) => join(PROJECT, p));

/** The newest modification time of a file or of anything in a folder tree: when its build was made from it. */
export async function newestMtime(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) newest = Math.max(newest, await newestMtime(join(path, entry)));
  return newest;
}

export async function ensureRendererBuilt(): Promise<void> {
  const sources = Math.max(...(await Promise.all(SOURCES.map((p) => newestMtime(p).catch(() => 0)))));
  const builtFrom = Number(await readFile(join(RENDERER_OUT, STAMP), 'utf8').catch(() => '0'));
  if (builtFrom >= sources) return;
  const temp = `${RENDERER_OUT}.build-${process.pid}`;
  const { build } = await import('vite');
  await build({ configFile: join(PROJECT, 'vite.config.ts'), logLevel: 'error', build: { outDir: temp, emptyOutDir: true } });
  await writeFile(join(temp, STAMP), String(sources));
  await rm(RENDERER_OUT, { recursive: true, force: true });
  await rename(temp, RENDERER_OUT);
}
