/**
 * Web mode serves the built renderer from out/renderer. It is rebuilt when missing or older than any source
 * it is made from, quietly, so `npm run web` still prints one line.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_OUT = join(PROJECT, 'out/renderer');
const SOURCES = ['src/renderer', 'src/core', 'vite.config.ts', 'package-lock.json'].map((p) => join(PROJECT, p));

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of await readdir(path)) newest = Math.max(newest, await newestMtime(join(path, entry)));
  return newest;
}

export async function ensureRendererBuilt(): Promise<void> {
  const built = await stat(join(RENDERER_OUT, 'index.html')).then((s) => s.mtimeMs, () => 0);
  const sources = Math.max(...(await Promise.all(SOURCES.map((p) => newestMtime(p).catch(() => 0)))));
  if (built > sources) return;
  const { build } = await import('vite');
  await build({ configFile: join(PROJECT, 'vite.config.ts'), logLevel: 'error' });
}
