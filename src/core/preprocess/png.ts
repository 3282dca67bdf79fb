/**
 * Node-only PNG loading. Kept out of index.ts so the renderer can import the
 * pure preprocessing code without pulling in `fs` or pngjs.
 */
import { PNG } from 'pngjs';
import { FileReadError, megabytes, readRegularFile } from '../fs/regular-file';
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
/**
 * pngjs allocates per row: a 0-pixel-wide image of 50 million rows passes the pixel limit and still exhausts the
 * memory (found by fuzzing), so each side is bounded too; a camera photo of a digit is well under this.
 */
const MAX_SIDE = 16_384;

export function decodePng(bytes: Uint8Array, file: string): GrayImage {
  if (bytes.length < PNG_SIGNATURE.length || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) {
    throw new ImageDecodeError(file, 'not a PNG file');
  }
  // IHDR is always the first chunk: width and height are big-endian u32 at offsets 16 and 20.
  if (bytes.length >= 24) {
    const header = new DataView(bytes.buffer, bytes.byteOffset, 24);
    const [width, height] = [header.getUint32(16), header.getUint32(20)];
    if (width === 0 || height === 0) throw new ImageDecodeError(file, `the image is ${width}x${height}: it has no pixels`);
    if (width * height > MAX_PIXELS || width > MAX_SIDE || height > MAX_SIDE) {
      throw new ImageDecodeError(file, `image too large (${width}x${height}, limit ${MAX_PIXELS} pixels and ${MAX_SIDE} on a side)`);
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

/** A picture of a digit takes a few MB at most; the limit keeps the read bounded. */
const MAX_FILE_BYTES = 64 * 2 ** 20;

export async function readPngDigit(path: string): Promise<ModelInput> {
  const bytes = await readRegularFile(path, { maxBytes: MAX_FILE_BYTES, tooLarge: `over ${megabytes(MAX_FILE_BYTES)}, too large for a picture of a digit` }).catch(
    (err: unknown) => {
      throw err instanceof FileReadError ? new ImageDecodeError(path, err.problem, { cause: err }) : err;
    },
  );
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
