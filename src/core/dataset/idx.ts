/**
 * Hand-written parser for the IDX format used by the MNIST files.
 *
 * Layout (all integers big-endian):
 *
 *   offset 0  u8      0x00  ┐ the first two bytes are always zero
 *   offset 1  u8      0x00  ┘
 *   offset 2  u8      element type (0x08 = unsigned byte)
 *   offset 3  u8      number of dimensions N
 *   offset 4  u32 × N size of each dimension
 *   then      the elements, row-major, with no padding and nothing after them
 *
 * Only the two unsigned-byte variants MNIST uses are accepted:
 *   0x00000801 — labels: 1 dimension (count)
 *   0x00000803 — images: 3 dimensions (count, rows, cols)
 *
 * Every problem with the input is reported as an IdxError whose one-line
 * message names the file and the problem. Nothing is allocated from header
 * values until they have been checked against the real length of the file.
 */

/** A malformed, unsupported or unreadable IDX file. */
export class IdxError extends Error {
  /** Path or name of the offending file. */
  readonly file: string;

  /** `message` is one line naming both the problem and the file. */
  constructor(message: string, file: string) {
    super(message);
    this.name = 'IdxError';
    this.file = file;
  }
}

export interface IdxImages {
  kind: 'images';
  count: number;
  rows: number;
  cols: number;
  /** count × rows × cols bytes, row-major; owns its whole buffer. */
  pixels: Uint8Array;
}

export interface IdxLabels {
  kind: 'labels';
  count: number;
  /** count bytes; owns its whole buffer. */
  labels: Uint8Array;
}

export const LABELS_MAGIC = 0x00000801;
export const IMAGES_MAGIC = 0x00000803;

/** Upper bound on the item count; MNIST has 60,000. */
const MAX_COUNT = 100_000_000;
/** Upper bound on image rows and columns; MNIST images are 28 × 28. */
const MAX_SIDE = 4096;

/** Element types defined by the IDX format, for error messages. */
const ELEMENT_TYPES: Record<number, string> = {
  0x08: 'unsigned byte',
  0x09: 'signed byte',
  0x0b: 'int16',
  0x0c: 'int32',
  0x0d: 'float32',
  0x0e: 'float64',
};

const hex = (n: number, width: number): string => '0x' + n.toString(16).padStart(width, '0');

/** Recognises a few common non-IDX files so the error can say what was found. */
function describeForeign(bytes: Uint8Array): string {
  const head = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
  let guess = '';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) guess = '; it looks gzip-compressed, decompress it first';
  else if (bytes[0] === 0x89 && bytes[1] === 0x50) guess = '; it looks like a PNG image';
  else if (bytes.subarray(0, 4).every((b) => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f))) {
    guess = '; it looks like a text file';
  }
  return `not an IDX file: it starts with bytes ${head} but IDX files start with 00 00${guess}`;
}

/**
 * Parses an IDX labels or images file.
 * @param bytes the whole file
 * @param file  path or name of the file, used in error messages
 * @throws IdxError for any malformed or unsupported input
 */
export function parseIdx(bytes: Uint8Array, file: string): IdxImages | IdxLabels {
  const fail = (problem: string): never => {
    throw new IdxError(`${file}: ${problem}`, file);
  };

  if ((bytes.length > 0 && bytes[0] !== 0) || (bytes.length > 1 && bytes[1] !== 0)) {
    fail(describeForeign(bytes));
  }
  if (bytes.length < 4) {
    fail(`too short: ${bytes.length} bytes, not even room for the 4-byte IDX magic number`);
  }

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  if (magic !== LABELS_MAGIC && magic !== IMAGES_MAGIC) {
    const type = ELEMENT_TYPES[bytes[2]] ?? `unknown type ${hex(bytes[2], 2)}`;
    fail(
      `unsupported magic number ${hex(magic, 8)} (${type}, ${bytes[3]} dimensions); ` +
        `expected ${hex(LABELS_MAGIC, 8)} (labels) or ${hex(IMAGES_MAGIC, 8)} (images)`,
    );
  }

  const isImages = magic === IMAGES_MAGIC;
  const kind = isImages ? 'images' : 'labels';
  const ndims = bytes[3];
  const headerSize = 4 + 4 * ndims;
  if (bytes.length < headerSize) {
    fail(`truncated header: ${kind} need a ${headerSize}-byte header but the file has ${bytes.length} bytes`);
  }

  const count = view.getUint32(4);
  const rows = isImages ? view.getUint32(8) : 1;
  const cols = isImages ? view.getUint32(12) : 1;
  const shape = isImages ? `${count} x ${rows} x ${cols}` : `${count}`;
  if (count === 0 || rows === 0 || cols === 0) {
    fail(`absurd dimensions ${shape}: every dimension must be at least 1`);
  }
  if (count > MAX_COUNT || rows > MAX_SIDE || cols > MAX_SIDE) {
    fail(
      `absurd dimensions ${shape}: at most ${MAX_COUNT} ${kind}` +
        (isImages ? ` of at most ${MAX_SIDE} x ${MAX_SIDE} pixels` : '') +
        ' are supported',
    );
  }

  // With the bounds above this is at most ~1.7e15, exact in a double.
  const dataSize = count * rows * cols;
  const expected = headerSize + dataSize;
  if (bytes.length !== expected) {
    const what = isImages ? `${count} images of ${rows}x${cols}` : `${count} labels`;
    const declared = `header says ${what} (${expected} bytes)`;
    if (bytes.length === headerSize) fail(`header only, no data: ${declared} but the file ends after the header`);
    if (bytes.length < expected) fail(`truncated: ${declared} but the file has ${bytes.length} bytes`);
    fail(`trailing bytes: ${declared} but the file has ${bytes.length} bytes (${bytes.length - expected} extra)`);
  }

  // Copy (Buffer#slice would not), so the result does not keep the caller's
  // buffer alive and its .buffer holds exactly the data (safe to transfer).
  const data = new Uint8Array(bytes.subarray(headerSize, expected));
  return isImages ? { kind: 'images', count, rows, cols, pixels: data } : { kind: 'labels', count, labels: data };
}
