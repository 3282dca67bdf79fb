/**
 * Node-only PNG loading. Kept out of index.ts so the renderer can import the
 * pure preprocessing code without pulling in `fs` or pngjs.
 */
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { rgbaToInk, type GrayImage } from './grayscale';
import { toMnistInput, type ModelInput } from './mnist-style';

/** A file that could not be read or decoded as a PNG image. */
export class ImageDecodeError extends Error {
  readonly file: string;

  constructor(file: string, problem: string, options?: { cause?: unknown }) {
    super(`${file}: ${problem}`, options);
    this.name = 'ImageDecodeError';
    this.file = file;
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Refuse to allocate for absurd dimensions (e.g. a crafted header): 40 Mpx ≈ 6300x6300. */
const MAX_PIXELS = 40_000_000;

export function decodePng(bytes: Uint8Array, file: string): GrayImage {
  if (bytes.length < PNG_SIGNATURE.length || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) {
    throw new ImageDecodeError(file, 'not a PNG file');
  }
  // IHDR is always the first chunk: width and height are big-endian u32 at offsets 16 and 20.
  if (bytes.length >= 24) {
    const header = new DataView(bytes.buffer, bytes.byteOffset, 24);
    const pixels = header.getUint32(16) * header.getUint32(20);
    if (pixels > MAX_PIXELS) {
      throw new ImageDecodeError(
        file,
        `image too large (${header.getUint32(16)}x${header.getUint32(20)}, limit ${MAX_PIXELS} pixels)`,
      );
    }
  }

  let png: PNG;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    png = PNG.sync.read(buffer);
  } catch (err) {
    throw new ImageDecodeError(file, `corrupt PNG: ${describePngError(err)}`, { cause: err });
  }
  // pngjs always yields 8-bit RGBA, whatever the colour type and bit depth of the file.
  return rgbaToInk(png.data, png.width, png.height);
}

export async function readPngDigit(path: string): Promise<ModelInput> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new ImageDecodeError(path, `cannot read file (${describeOsError(err)})`, { cause: err });
  }
  return toMnistInput(decodePng(bytes, path));
}

function describePngError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  // pngjs's wording when the data ends before the image is complete.
  if (/read requests waitng|Ran out of data|unexpected end/i.test(message)) {
    return 'file is truncated';
  }
  return message;
}

/** "ENOENT: no such file or directory" from Node's "ENOENT: no such file or directory, open '…'". */
function describeOsError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return /^[A-Z0-9_]+: [^,]+/.exec(message)?.[0] ?? message;
}
