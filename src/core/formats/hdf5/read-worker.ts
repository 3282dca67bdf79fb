/**
 * Worker thread that parses .h5 files (started by reader-thread.ts). HDF5 runs synchronously and can loop
 * forever on a corrupt file, so it runs here, where the caller can stop it with a timeout.
 */
import { parentPort } from 'node:worker_threads';
import { H5Problem } from './h5-access';
import { loadH5wasm } from './h5wasm-runtime';
import { loadModelFromH5Bytes } from './read-keras-h5';
import { READER_READY, type ReadReply, type ReadRequest } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('read-worker.ts runs as a worker thread');
const h5 = await loadH5wasm();

port.on('message', ({ id, bytes }: ReadRequest) => {
  try {
    const result = loadModelFromH5Bytes(h5, bytes);
    const { weights, batchNorm = [] } = result.model;
    const buffers = [...weights.flatMap((w) => [w.kernel, w.bias]), ...batchNorm.flatMap((w) => Object.values(w))].map((array: Float32Array) => array.buffer as ArrayBuffer);
    port.postMessage({ id, ok: true, result } satisfies ReadReply, buffers);
  } catch (error) {
    // Anything but an H5Problem (a WebAssembly trap such as "memory access out of bounds") means HDF5 itself broke down.
    const problem = error instanceof H5Problem ? error.message : `HDF5 failed on this file (${error instanceof Error ? error.message : String(error)}); it is probably corrupt`;
    port.postMessage({ id, ok: false, problem: problem.replace(/\s*\n\s*/g, ' '), fatal: !(error instanceof H5Problem) } satisfies ReadReply);
  }
});
port.postMessage(READER_READY);
