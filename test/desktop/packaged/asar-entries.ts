/**
 * The entries of an app.asar, read from its header with @electron/asar (the library electron-builder writes
 * it with): for each path, whether it is a file, folder or link, its size, and whether it is "unpacked", i.e.
 * kept as a real file in app.asar.unpacked, where Electron's fs redirects every access to it.
 */
import type * as Asar from '@electron/asar';
import { builderRequire } from './builder-config';

export interface AsarEntry {
  kind: 'file' | 'directory' | 'link';
  size: number;
  unpacked: boolean;
}

interface HeaderNode {
  files?: Record<string, HeaderNode>;
  size?: number;
  unpacked?: boolean;
  link?: string;
}

// @electron/asar comes with electron-builder (app-builder-lib depends on it); it is not a dependency of ours.
export const asarLib = builderRequire('@electron/asar') as typeof Asar;

/** Every entry of the archive, keyed by its path inside it (`out/main/index.js`, no leading slash). */
export function readAsarEntries(archive: string): Map<string, AsarEntry> {
  const entries = new Map<string, AsarEntry>();
  const visit = (node: HeaderNode, path: string): void => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const childPath = path ? `${path}/${name}` : name;
      const kind = child.files ? 'directory' : child.link !== undefined ? 'link' : 'file';
      entries.set(childPath, { kind, size: child.size ?? 0, unpacked: child.unpacked === true });
      if (child.files) visit(child, childPath);
    }
  };
  visit(asarLib.getRawHeader(archive).header as HeaderNode, '');
  return entries;
}
