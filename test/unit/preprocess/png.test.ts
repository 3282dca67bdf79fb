import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePng, ImageDecodeError, readPngDigit } from '../../../src/core/preprocess/png';

/** A white PNG with a black rectangle [x0, x0+w) x [y0, y0+h). */
function pngWithRect(width: number, height: number, x0: number, y0: number, w: number, h: number): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(255);
  for (let y = y0; y < y0 + h; y++) {
    for (let x = x0; x < x0 + w; x++) png.data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
  }
  return PNG.sync.write(png);
}

function expectDecodeError(action: () => unknown, file: string, problem: RegExp): void {
  try {
    action();
  } catch (err) {
    expect(err).toBeInstanceOf(ImageDecodeError);
    expect((err as ImageDecodeError).file).toBe(file);
    expect((err as Error).message).toMatch(problem);
    expect((err as Error).message.startsWith(file)).toBe(true);
    expect((err as Error).message).not.toContain('\n');
    return;
  }
  throw new Error('expected an ImageDecodeError');
}

describe('decodePng', () => {
  it('decodes RGBA pixels into ink', () => {
    const img = decodePng(pngWithRect(6, 4, 2, 1, 3, 2), 'rect.png');
    expect([img.width, img.height]).toEqual([6, 4]);
    const inked = Array.from(img.data, (v, i) => (v > 0.5 ? i : -1)).filter((i) => i >= 0);
    expect(inked).toEqual([8, 9, 10, 14, 15, 16]);
  });

  it('decodes non-RGBA colour types (8-bit greyscale)', () => {
    const png = new PNG({ width: 5, height: 5, colorType: 0 });
    png.data.fill(255);
    png.data.fill(0, 12 * 4, 12 * 4 + 3); // centre pixel black
    const img = decodePng(PNG.sync.write(png, { colorType: 0 }), 'grey.png');
    expect(img.data[12]).toBeCloseTo(1, 6);
    expect(img.data.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
  });

  it('decodes a 1x1 PNG as a blank image', () => {
    const img = decodePng(pngWithRect(1, 1, 0, 0, 1, 1), 'dot.png');
    expect([img.width, img.height, img.data[0]]).toEqual([1, 1, 0]);
  });

  it('rejects data that is not a PNG', () => {
    expectDecodeError(() => decodePng(Buffer.from('GIF89a not really an image'), 'a.gif'), 'a.gif', /not a PNG file/);
    expectDecodeError(() => decodePng(new Uint8Array(0), 'empty.png'), 'empty.png', /not a PNG file/);
  });

  it('rejects truncated and corrupted PNGs', () => {
    const bytes = pngWithRect(20, 20, 5, 5, 8, 8);
    for (const length of [12, 33, 40, bytes.length - 10]) {
      expectDecodeError(() => decodePng(bytes.subarray(0, length), 'cut.png'), 'cut.png', /corrupt PNG: file is truncated/);
    }
    const flipped = Buffer.from(bytes);
    flipped[30] ^= 0xff; // IHDR checksum
    expectDecodeError(() => decodePng(flipped, 'crc.png'), 'crc.png', /corrupt PNG: /);
  });

  it('refuses absurd dimensions before allocating', () => {
    const bytes = Buffer.from(pngWithRect(2, 2, 0, 0, 1, 1));
    bytes.writeUInt32BE(100_000, 16);
    bytes.writeUInt32BE(100_000, 20);
    expectDecodeError(() => decodePng(bytes, 'bomb.png'), 'bomb.png', /image too large \(100000x100000/);
  });

  it('accepts a Uint8Array view into a larger buffer', () => {
    const bytes = pngWithRect(6, 4, 2, 1, 3, 2);
    const padded = new Uint8Array(bytes.length + 7);
    padded.set(bytes, 7);
    expect(decodePng(padded.subarray(7), 'view.png').data[8]).toBeCloseTo(1, 6);
  });
});

describe('readPngDigit', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'digit-studio-png-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads, decodes and normalises a digit file', async () => {
    const file = join(dir, 'bar.png');
    await writeFile(file, pngWithRect(60, 60, 20, 10, 10, 40));
    const { pixels, empty } = await readPngDigit(file);
    expect(empty).toBe(false);
    expect(pixels).toHaveLength(784);
    // 10x40 → 5x20, i.e. 100 px of full ink (area is preserved by the resampling and shift).
    expect(pixels.reduce((s, v) => s + v, 0)).toBeCloseTo(100, 3);
  });

  it('reports a blank PNG as empty', async () => {
    const file = join(dir, 'blank.png');
    await writeFile(file, pngWithRect(30, 30, 0, 0, 0, 0));
    expect((await readPngDigit(file)).empty).toBe(true);
  });

  it('turns unreadable files into ImageDecodeError with the path and OS reason', async () => {
    const missing = join(dir, 'missing.png');
    await expect(readPngDigit(missing)).rejects.toThrow(ImageDecodeError);
    await expect(readPngDigit(missing)).rejects.toMatchObject({
      file: missing,
      message: `${missing}: cannot read: ENOENT: no such file or directory`,
    });
    await expect(readPngDigit(dir)).rejects.toMatchObject({ file: dir, message: `${dir}: not a regular file but a directory` });
  });

  it('names the file when its content is not a PNG', async () => {
    const file = join(dir, 'notes.png');
    await writeFile(file, 'just text');
    await expect(readPngDigit(file)).rejects.toMatchObject({ file, message: `${file}: not a PNG file` });
  });
});
