/**
 * Sizes of the packaged app, for the report the layout test prints: the app's own part of an install (asar,
 * unpacked files, bundled models; Electron itself is the stand-in here) and how much of it each npm package
 * takes, so that shipped packages the main process never loads show up with their cost.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AsarEntry } from './asar-entries';

/** Bytes of a file, or of every file under a folder. */
export function diskSize(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.size;
  return readdirSync(path).reduce((sum, name) => sum + diskSize(join(path, name)), 0);
}

export const megabytes = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;

// The innermost package folder owns a file (greedy: a nested node_modules holds packages of its own).
const OWNING_PACKAGE = /^((?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+)\//;

/** Bytes per shipped package folder (`node_modules/a`, `node_modules/a/node_modules/b`), packed and unpacked. */
export function bytesByPackage(entries: Map<string, AsarEntry>): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const [path, entry] of entries) {
    const dir = entry.kind === 'file' ? OWNING_PACKAGE.exec(path)?.[1] : undefined;
    if (dir) sizes.set(dir, (sizes.get(dir) ?? 0) + entry.size);
  }
  return sizes;
}
