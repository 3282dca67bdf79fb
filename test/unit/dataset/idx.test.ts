import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { IdxError, parseIdx } from '../../../src/core/dataset/idx';

const FIXTURES = fileURLToPath(new URL('../../fixtures/idx/', import.meta.url));
const fixture = (name: string): Uint8Array => readFileSync(FIXTURES + name);

/** Runs `fn`, asserting it throws an IdxError, and returns that error. */
function catchIdxError(fn: () => unknown): IdxError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(IdxError);
    return err as IdxError;
  }
  throw new Error('expected an IdxError, but nothing was thrown');
}

/** Big-endian IDX file built by hand: magic, 32-bit sizes, data. */
function idxBytes(magic: number, dims: number[], data: number[] = []): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, magic);
  dims.forEach((size, i) => view.setUint32(4 + 4 * i, size));
  out.set(data, 4 + 4 * dims.length);
  return out;
}

describe('parseIdx on valid files', () => {
  it('parses an images file', () => {
    const parsed = parseIdx(fixture('tiny-images-idx3-ubyte'), 'tiny-images-idx3-ubyte');
    expect(parsed).toMatchObject({ kind: 'images', count: 3, rows: 4, cols: 4 });
    if (parsed.kind !== 'images') throw new Error('unreachable');
    expect(Array.from(parsed.pixels)).toEqual(Array.from({ length: 48 }, (_, i) => i));
    // A copy owning its buffer, even though the input is a Node Buffer.
    expect(parsed.pixels.byteOffset).toBe(0);
    expect(parsed.pixels.buffer.byteLength).toBe(48);
  });

  it('parses a labels file', () => {
    const parsed = parseIdx(fixture('tiny-labels-idx1-ubyte'), 'tiny-labels-idx1-ubyte');
    expect(parsed).toMatchObject({ kind: 'labels', count: 3 });
    if (parsed.kind !== 'labels') throw new Error('unreachable');
    expect(Array.from(parsed.labels)).toEqual([7, 2, 1]);
  });

  it('honours the byteOffset of a view and returns data owning its own buffer', () => {
    const file = idxBytes(0x801, [2], [9, 8]);
    const padded = new Uint8Array(file.length + 5);
    padded.set(file, 3);
    const parsed = parseIdx(padded.subarray(3, 3 + file.length), 'offset');
    if (parsed.kind !== 'labels') throw new Error('expected labels');
    expect(Array.from(parsed.labels)).toEqual([9, 8]);
    expect(parsed.labels.byteOffset).toBe(0);
    expect(parsed.labels.buffer.byteLength).toBe(2);
  });
});

describe('parseIdx on broken files', () => {
  // [fixture, distinctive part of the message]
  const cases: [string, string][] = [
    ['wrong-magic-idx3-ubyte', 'unsupported magic number 0x00000d03 (float32, 3 dimensions); expected 0x00000801'],
    ['truncated-images-idx3-ubyte', 'truncated: header says 3 images of 4x4 (64 bytes) but the file has 36 bytes'],
    ['truncated-labels-idx1-ubyte', 'truncated: header says 10 labels (18 bytes) but the file has 12 bytes'],
    ['truncated-header-idx3-ubyte', 'truncated header: images need a 16-byte header but the file has 8 bytes'],
    ['header-only-idx3-ubyte', 'header only, no data'],
    ['trailing-bytes-idx1-ubyte', 'trailing bytes: header says 3 labels (11 bytes) but the file has 15 bytes (4 extra)'],
    ['zero-rows-idx3-ubyte', 'absurd dimensions 5 x 0 x 28'],
    ['huge-count-idx1-ubyte', 'absurd dimensions 4294967295: at most 100000000 labels'],
    ['not-idx.png', 'not an IDX file: it starts with bytes 89 50 4e 47'],
    ['not-idx.png', 'PNG image'],
    ['not-idx.csv', 'not an IDX file'],
    ['not-idx.csv', 'text file'],
    ['tiny-labels-idx1-ubyte.gz', 'gzip-compressed'],
  ];

  it.each(cases)('%s: reports "%s"', (name, problem) => {
    const err = catchIdxError(() => parseIdx(fixture(name), name));
    expect(err.message).toContain(problem);
    expect(err.message).toContain(name);
    expect(err.message).not.toContain('\n');
    expect(err.file).toBe(name);
    expect(err.name).toBe('IdxError');
  });

  it('rejects files too short to hold a magic number', () => {
    for (const bytes of [[], [0], [0, 0, 8]]) {
      expect(catchIdxError(() => parseIdx(new Uint8Array(bytes), 'short')).message).toMatch(/^short: too short/);
    }
  });

  it('names the unsupported dimension count of an unsigned-byte file', () => {
    const err = catchIdxError(() => parseIdx(idxBytes(0x802, [1, 1], [0]), 'matrix'));
    expect(err.message).toContain('unsupported magic number 0x00000802 (unsigned byte, 2 dimensions)');
  });

  it('rejects images larger than the side limit before looking at the data', () => {
    const err = catchIdxError(() => parseIdx(idxBytes(0x803, [1, 28, 100_000]), 'wide'));
    expect(err.message).toContain('absurd dimensions 1 x 28 x 100000');
  });

  it('throws only IdxError for every truncation and corruption of a valid file', () => {
    const valid = fixture('tiny-images-idx3-ubyte');
    for (let length = 0; length < valid.length; length++) {
      catchIdxError(() => parseIdx(valid.subarray(0, length), 'prefix'));
    }
    // Flip every header byte to every value: each result is a parse or an IdxError.
    for (let at = 0; at < 16; at++) {
      for (let value = 0; value < 256; value++) {
        const bytes = valid.slice();
        bytes[at] = value;
        try {
          parseIdx(bytes, 'mutant');
        } catch (err) {
          expect(err).toBeInstanceOf(IdxError);
        }
      }
    }
  });
});
