import { describe, expect, it } from 'vitest';
import { idxImagesBytes, idxLabelsBytes } from '../../../src/core/dataset/idx-write';
import { parseIdx } from '../../../src/core/dataset/idx';

describe('IDX writer', () => {
  it('writes a labels file byte for byte as the format defines it', () => {
    const bytes = idxLabelsBytes(Uint8Array.from([7, 0, 9]));
    // magic 00 00 08 01, count 3 (big-endian), then the labels
    expect(Array.from(bytes)).toEqual([0x00, 0x00, 0x08, 0x01, 0x00, 0x00, 0x00, 0x03, 7, 0, 9]);
  });

  it('writes an images file byte for byte: magic, count, rows, cols, then the pixels row-major', () => {
    const bytes = idxImagesBytes(Uint8Array.from([1, 2, 3, 4, 5, 6, 250, 251, 252, 253, 254, 255]), 2, 2, 3);
    expect(Array.from(bytes)).toEqual([
      0x00, 0x00, 0x08, 0x03, // magic: unsigned byte, 3 dimensions
      0x00, 0x00, 0x00, 0x02, // 2 images
      0x00, 0x00, 0x00, 0x02, // 2 rows
      0x00, 0x00, 0x00, 0x03, // 3 columns
      1, 2, 3, 4, 5, 6, 250, 251, 252, 253, 254, 255,
    ]);
  });

  it('writes counts above 255 in all four header bytes', () => {
    const bytes = idxLabelsBytes(new Uint8Array(70_000));
    expect(Array.from(bytes.subarray(4, 8))).toEqual([0x00, 0x01, 0x11, 0x70]);
  });

  it('round-trips 28×28 digits through the reader', () => {
    const pixels = Uint8Array.from({ length: 3 * 784 }, (_, i) => (i * 37) % 256);
    const images = parseIdx(idxImagesBytes(pixels, 3, 28, 28), 'images');
    const labels = parseIdx(idxLabelsBytes(Uint8Array.from([4, 2, 8])), 'labels');
    expect(images).toMatchObject({ kind: 'images', count: 3, rows: 28, cols: 28 });
    expect(images.kind === 'images' && Array.from(images.pixels)).toEqual(Array.from(pixels));
    expect(labels.kind === 'labels' && Array.from(labels.labels)).toEqual([4, 2, 8]);
  });

  it('refuses pixels that do not fill the declared images', () => {
    expect(() => idxImagesBytes(new Uint8Array(783), 1, 28, 28)).toThrow(/need 784 bytes, got 783/);
  });
});
