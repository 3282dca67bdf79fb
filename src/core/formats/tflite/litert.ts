/**
 * Loads Google's LiteRT.js (@litertjs/core: the LiteRT/TFLite C++ runtime compiled to WebAssembly) in Node.
 * LiteRT.js is browser-first: it loads its emscripten glue with importScripts() and reads the factory from
 * `self`. Both are provided only while it loads, the glue gets `require` and `__dirname` as arguments rather
 * than globals, and the runtime's own log lines (INFO: Created TensorFlow Lite XNNPACK delegate…) and its
 * warning that Node has no WebGPU are kept instead of printed, so a CLI's output stays clean.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import type * as LiteRtModule from '@litertjs/core';

export type LiteRt = typeof LiteRtModule;

export interface LoadedLiteRt {
  litert: LiteRt;
  version: string;
  /** What the runtime printed (stdout and stderr) since it was loaded. */
  log: string[];
}

let loading: Promise<LoadedLiteRt> | null = null;

function runGlue(url: string, require: NodeJS.Require): void {
  const file = url.startsWith('file:') ? fileURLToPath(url) : url;
  const code = readFileSync(file, 'utf8');
  const factory = vm.runInThisContext(`(function (require, __dirname, __filename) {${code}\nreturn ModuleFactory;\n})`, { filename: file }) as (
    ...args: unknown[]
  ) => unknown;
  (globalThis as Record<string, unknown>).ModuleFactory = factory(require, dirname(file), file);
}

async function load(): Promise<LoadedLiteRt> {
  const requireHere = createRequire(import.meta.url);
  const packageJson = requireHere.resolve('@litertjs/core/package.json');
  const root = dirname(packageJson);
  const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
  const litert = await import('@litertjs/core');
  const log: string[] = [];
  const scope = globalThis as Record<string, unknown>;
  const saved = { self: scope.self, importScripts: scope.importScripts };
  scope.self = globalThis;
  scope.importScripts = (url: string) => runGlue(String(url), createRequire(packageJson));
  scope.Module = { print: (line: string) => log.push(line), printErr: (line: string) => log.push(line) };
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (String(args[0]).startsWith('Failed to create default WebGPU device')) log.push(args.map(String).join(' '));
    else warn(...args);
  };
  try {
    await litert.loadLiteRt(`${join(root, 'wasm')}/`);
  } finally {
    console.warn = warn;
    Object.assign(scope, saved);
    for (const key of ['self', 'importScripts', 'Module', 'ModuleFactory'] as const) if (scope[key] === undefined) delete scope[key];
  }
  return { litert, version, log };
}

/** The process-wide LiteRT.js runtime, loaded on first use. */
export function loadLiteRt(): Promise<LoadedLiteRt> {
  loading ??= load().catch((error: unknown) => {
    loading = null;
    throw new Error(`cannot start LiteRT.js: ${(error as Error).message}`);
  });
  return loading;
}

/** The runtime's compiled model for these bytes; a file it cannot load fails with the runtime's own reason in one line. */
export async function compileTflite(bytes: Uint8Array): Promise<{ compiled: LiteRtModule.CompiledModel; runtime: string }> {
  const { litert, version, log } = await loadLiteRt();
  const logged = log.length;
  const compiled = await litert.loadAndCompile(bytes, { accelerator: 'wasm' }).catch((error: unknown) => {
    const reason = log.slice(logged).findLast((line) => line.startsWith('ERROR'));
    throw new Error(`LiteRT.js ${version} cannot load the file: ${(error as Error).message}${reason ? ` (${reason})` : ''}`);
  });
  return { compiled, runtime: `LiteRT.js ${version}` };
}
