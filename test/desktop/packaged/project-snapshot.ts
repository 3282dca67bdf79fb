/**
 * A snapshot of the project for electron-builder to package: copies of what it reads (package.json and its
 * lock file, electron-builder.yml, the build resources, the bundled models, the built out/) and node_modules
 * hard-linked file by file, which copies no data. Packaging takes ~10 s; another test run rebuilding out/ in
 * that time would otherwise pull files from under it, and the checks would compare the package with a newer
 * build than the one packaged.
 *
 * It lives in node_modules/.cache, on the same file system as node_modules by construction (hard links cannot
 * cross file systems, and the system's temporary folder may be another one).
 */
import { cpSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../built-app';

const COPIED = ['package.json', 'package-lock.json', 'electron-builder.yml', 'build', 'resources', 'out'];
const CACHE = join(ROOT, 'node_modules/.cache');

/**
 * Recreates `from` at `to`: folders made, files hard-linked, symbolic links copied as links. Synchronous on
 * purpose: ~45,000 entries go several times faster as plain system calls than as promises through the thread pool.
 */
function linkTree(from: string, to: string, skip: (name: string) => boolean = () => false): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else linkSync(source, target);
  }
}

/** Makes the snapshot and returns its folder; the caller removes it. */
export function snapshotProject(): string {
  mkdirSync(CACHE, { recursive: true });
  const dir = mkdtempSync(join(CACHE, 'digit-studio-package-'));
  for (const name of COPIED) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  // .cache holds this snapshot itself (and other tools' caches), which are no package's files.
  linkTree(join(ROOT, 'node_modules'), join(dir, 'node_modules'), (name) => name === '.cache');
  return dir;
}
