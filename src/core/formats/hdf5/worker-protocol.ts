/** Messages between the HDF5 reader worker (read-worker.ts) and the code that uses it (reader-thread.ts). */
import type { LoadedH5Model } from './read-keras-h5';

/** The worker's first message, once h5wasm is loaded. */
export const READER_READY = 'h5-reader-ready';

export interface ReadRequest {
  id: number;
  /** The whole file; its buffer is transferred to the worker. */
  bytes: Uint8Array;
}

export type ReadReply =
  | { id: number; ok: true; result: LoadedH5Model }
  /** fatal: the worker's HDF5 state can no longer be trusted (e.g. a WebAssembly trap); start a new one. */
  | { id: number; ok: false; problem: string; fatal: boolean };
