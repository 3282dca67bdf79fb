/**
 * What the built main process loads at run time, read from the built files themselves (out/main, as Rollup
 * writes them): starting at the entry, every relative import and dynamic import, every file it names by path
 * (`new URL("./x.js", import.meta.url)` and `join(import.meta.dirname, "./x.js")`, how the worker scripts are
 * started), followed through every chunk and worker they load; and every bare specifier they import or
 * resolve (`require.resolve`), which must then resolve inside the package's node_modules.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { posix } from 'node:path';

export type SpecifierKind = 'import' | 'require.resolve';

export interface BuiltReferences {
  /** Project-relative paths (out/main/index.js, out/main/chunks/…, out/renderer) the built code loads. */
  files: string[];
  /** Of those, the ones named by path (worker scripts, the renderer folder) rather than imported. */
  byPath: string[];
  /** Bare specifiers, without the built-ins and `electron` that the runtime provides. */
  packages: Array<{ specifier: string; kind: SpecifierKind }>;
  /**
   * References to TypeScript sources or the tsx launcher (src/launch/tsx-worker.js), left in the bundle by code
   * shared with the CLI, which runs from sources; the built main replaces each with its bundled worker at start.
   */
  sourceFallbacks: string[];
}

// Rollup writes one module-level import per statement, at the start of a line, always with double quotes.
const STATIC_IMPORT = /^(?:import|export)\s[^;]*?\sfrom\s*"([^"]+)"|^import\s*"([^"]+)"/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*"([^"]+)"\s*\)/g;
const REQUIRE_RESOLVE = /\.resolve\(\s*"([^"]+)"\s*\)/g;
const URL_REFERENCE = /\bnew URL\(\s*"([^"]+)"\s*,\s*import\.meta\.url\s*\)/g;
const DIRNAME_REFERENCE = /\(\s*import\.meta\.dirname\s*,\s*"([^"]+)"\s*\)/g;
const MODULE_FILE = /\.[cm]?js$/;
/** The folders electron-vite writes; nothing outside them is part of the build. */
const BUILD_OUTPUT = /^out\/(?:main|preload|renderer)(?:\/|$)/;

const isRelative = (specifier: string): boolean => specifier.startsWith('./') || specifier.startsWith('../');
const matches = (source: string, pattern: RegExp): string[] => [...source.matchAll(pattern)].map((m) => m[1] ?? m[2]);

/** The npm package a bare specifier names: `@scope/name/sub/path` → `@scope/name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return parts.slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
}

/** Walks the built main process of the project in `root` from `entry` (project-relative). */
export function builtReferences(root: string, entry = 'out/main/index.js'): BuiltReferences {
  const files = new Set<string>([entry]);
  const byPath = new Set<string>();
  const packages = new Map<string, SpecifierKind>();
  const sourceFallbacks = new Set<string>();
  const queue = [entry];

  const follow = (from: string, reference: string, named: boolean): void => {
    const target = posix.normalize(posix.join(posix.dirname(from), reference));
    if (!BUILD_OUTPUT.test(target) || target.endsWith('.ts')) {
      sourceFallbacks.add(`${from} → ${reference}`);
      return;
    }
    if (named) byPath.add(target);
    if (files.has(target)) return;
    files.add(target);
    const onDisk = existsSync(`${root}/${target}`);
    if (onDisk && statSync(`${root}/${target}`).isFile() && MODULE_FILE.test(target)) queue.push(target);
  };
  const bare = (specifier: string, kind: SpecifierKind): void => {
    if (isRelative(specifier) || specifier.startsWith('/') || isBuiltin(specifier) || specifier === 'electron') return;
    packages.set(specifier, packages.get(specifier) === 'import' ? 'import' : kind);
  };

  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const source = readFileSync(`${root}/${file}`, 'utf8');
    for (const specifier of [...matches(source, STATIC_IMPORT), ...matches(source, DYNAMIC_IMPORT)]) {
      if (isRelative(specifier)) follow(file, specifier, false);
      else bare(specifier, 'import');
    }
    for (const reference of [...matches(source, URL_REFERENCE), ...matches(source, DIRNAME_REFERENCE)]) follow(file, reference, true);
    // `.resolve("x")` of a bare name is createRequire(...).resolve in this code: path.resolve never gets one.
    for (const specifier of matches(source, REQUIRE_RESOLVE)) bare(specifier, 'require.resolve');
  }
  return {
    files: [...files].sort(),
    byPath: [...byPath].sort(),
    packages: [...packages].map(([specifier, kind]) => ({ specifier, kind })).sort((a, b) => a.specifier.localeCompare(b.specifier)),
    sourceFallbacks: [...sourceFallbacks].sort(),
  };
}
