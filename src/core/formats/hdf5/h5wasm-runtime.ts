/**
 * The HDF5 C library, compiled to WebAssembly by h5wasm, with its files in memory. h5wasm's default entry keeps
 * files in Emscripten's in-memory file system in Node as in a browser (its 'h5wasm/node' build maps them straight
 * onto the host disk instead), so a file is built or parsed in memory and only a complete file reaches the disk.
 */
import type * as H5wasm from 'h5wasm';

/** h5wasm's classes (File, Group, Dataset) and the in-memory file system they work on. */
export interface H5 {
  lib: typeof H5wasm;
  fs: Awaited<typeof H5wasm.ready>['FS'];
}

interface TtyOps {
  put_char(tty: unknown, value: number | null): void;
  fsync(tty: unknown): void;
}

const MAX_DIAGNOSTICS = 8192;
let diagnostics = '';
let loading: Promise<H5> | null = null;
let fileCounter = 0;

/** Loaded on first use (it costs ~0.3 s), so starting the app or the CLI does not pay for it. */
export function loadH5wasm(): Promise<H5> {
  loading ??= import('h5wasm').then(async (h5wasm) => {
    const module = await h5wasm.ready;
    // HDF5 prints an error stack of ~30 lines to stderr for every failed call. Emscripten routes stderr through
    // its TTY device; collect the text there instead, so a bad file is reported as one line of our own.
    const stderr = (module.FS as unknown as { getStream(fd: number): { tty?: { ops: TtyOps } } }).getStream(2);
    if (stderr.tty) {
      stderr.tty.ops = {
        put_char: (_tty, value) => {
          if (value !== null && value !== 0) diagnostics = (diagnostics + String.fromCharCode(value)).slice(-MAX_DIAGNOSTICS);
        },
        fsync: () => undefined,
      };
    }
    return { lib: h5wasm as typeof H5wasm, fs: module.FS };
  });
  return loading;
}

/**
 * The root cause of the last HDF5 failure, e.g. "truncated file: eof = 2048, sblock->base_addr = 0, stored_eof = 495968"
 * (the innermost frame of the error stack), or null when HDF5 reported nothing; clears the collected text.
 */
export function takeHdf5Error(): string | null {
  const frames = [...diagnostics.matchAll(/#\d+: .* in [\w.]+\(\): (.*)/g)];
  diagnostics = '';
  return frames.length ? frames[frames.length - 1][1].trim() : null;
}

/** Runs fn on a fresh path in the in-memory file system (holding `bytes` if given) and removes the file after. */
export function withMemoryFile<T>(h5: H5, bytes: Uint8Array | null, fn: (path: string) => T): T {
  const path = `/digit-studio-${++fileCounter}.h5`;
  if (bytes) h5.fs.writeFile(path, bytes);
  try {
    return fn(path);
  } finally {
    if (h5.fs.analyzePath(path).exists) h5.fs.unlink(path);
  }
}
