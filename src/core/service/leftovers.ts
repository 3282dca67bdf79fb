/**
 * Sweeps what crashed or killed runs left in the user folder: the temp files of atomic writes, the working
 * folders of imports, saves and deletions in the model library, and model folders that an older version began
 * writing in place and never finished. Only entries older than this process and named as those are removed; a
 * symbolic link, or anything else, is never touched.
 */
import type { Stats } from 'node:fs';
import { lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ATOMIC_TEMP_FILE } from '../fs/atomic-write';
import { LIBRARY_ID, MODEL_FILE, WEIGHTS_FILE, WORKING_FOLDER_PREFIXES } from './library-layout';

type IsLeftover = (name: string, stats: Stats, path: string) => Promise<boolean>;

const isTempFile: IsLeftover = async (name, stats) => stats.isFile() && ATOMIC_TEMP_FILE.test(name);

/**
 * Versions before the staging folder wrote a model straight into its own folder, meta.json last: a folder with
 * a library id and nothing but model files and temp files (no meta.json) is one of those saves, cut short.
 */
async function isUnfinishedSave(name: string, path: string): Promise<boolean> {
  if (!LIBRARY_ID.test(name)) return false;
  const files = await readdir(path);
  return files.every((file) => file === MODEL_FILE || file === WEIGHTS_FILE || ATOMIC_TEMP_FILE.test(file));
}

const isLibraryLeftover: IsLeftover = async (name, stats, path) => {
  if (!stats.isDirectory()) return isTempFile(name, stats, path);
  return WORKING_FOLDER_PREFIXES.some((prefix) => name.startsWith(prefix)) || isUnfinishedSave(name, path);
};

/**
 * Removes the leftovers in the user folder, its samples and runs folders and its model library; returns what it removed.
 * `startedAt` (ms since the epoch) is this process's start: anything changed since may be another writer's work
 * in progress. A leftover that cannot be removed is left for the next start.
 */
export async function sweepLeftovers(userDir: string, startedAt = performance.timeOrigin): Promise<string[]> {
  const removed: string[] = [];
  const sweep = async (dir: string, isLeftover: IsLeftover): Promise<void> => {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const path = join(dir, name);
      const stats = await lstat(path).catch(() => null);
      if (!stats || stats.mtimeMs >= startedAt || !(await isLeftover(name, stats, path).catch(() => false))) continue;
      await rm(path, { recursive: true, force: true }).then(
        () => removed.push(path),
        (error: unknown) => console.warn(`digit-studio: cannot remove the leftover ${path}: ${(error as Error).message}`),
      );
    }
  };
  await sweep(userDir, isTempFile);
  await sweep(join(userDir, 'samples'), isTempFile);
  await sweep(join(userDir, 'runs'), isTempFile);
  await sweep(join(userDir, 'models'), isLibraryLeftover);
  return removed;
}
