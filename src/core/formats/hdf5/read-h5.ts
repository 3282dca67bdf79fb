/**
 * Opens a Keras .h5 model file: type (regular files only), size and signature are checked here, the HDF5 structure
 * is parsed in the reader worker under a time limit (reader-thread.ts), and every failure becomes a one-line
 * ModelFileError. The parse works on a copy in h5wasm's in-memory file system, so an external link or external
 * dataset storage in the file can only name files there, never one on the disk.
 */
import { megabytes, readRegularFile } from '../../fs/regular-file';
import { asModelFileError, ModelFileError } from '../model-error';
import type { LoadedH5Model } from './read-keras-h5';
import { readInWorker } from './reader-thread';

export type { H5Info, LoadedH5Model } from './read-keras-h5';

/** Far above any Dense digit model (the tutorial's is 0.5 MB), low enough to read into memory safely. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;
const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]; // \x89HDF\r\n\x1a\n

/** HDF5 puts its signature at byte 0, or after a user block of 512, 1024, 2048, ... bytes. */
function hasHdf5Signature(bytes: Uint8Array): boolean {
  for (let offset = 0; offset + HDF5_SIGNATURE.length <= bytes.length; offset = offset === 0 ? 512 : offset * 2) {
    if (HDF5_SIGNATURE.every((b, i) => bytes[offset + i] === b)) return true;
  }
  return false;
}

/**
 * Any model of the layer list (api/layer-model.ts), Conv2D networks too, and what the file says about its origin
 * (Keras' load_model_from_hdf5). timeoutMs bounds the HDF5 parse (default 30 s).
 */
export async function openModelFromH5File(path: string, options: { timeoutMs?: number } = {}): Promise<LoadedH5Model> {
  const bytes = await asModelFileError(() =>
    readRegularFile(path, { maxBytes: MAX_FILE_BYTES, tooLarge: `over ${megabytes(MAX_FILE_BYTES)}; a Keras digit model is far smaller` }),
  );
  if (bytes.length === 0) throw new ModelFileError(path, 'the file is empty');
  if (!hasHdf5Signature(bytes)) throw new ModelFileError(path, 'not an HDF5 file (no HDF5 signature), so not a Keras .h5 model');
  const reply = await readInWorker(bytes, options.timeoutMs ?? DEFAULT_TIMEOUT_MS).catch((error: Error) => {
    throw new ModelFileError(path, error.message);
  });
  if (!reply.ok) throw new ModelFileError(path, reply.problem);
  return reply.result;
}
