import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { quantizeRowsInt8, toFloat16Array } from '../../../src/core/formats/tflite/quantize';

/** numpy's float32 → float16 cast (IEEE round to nearest even), as TensorFlow's converter uses it. */
function numpyFloat16Bits(values: Float32Array): Uint16Array {
  const script = 'import sys, numpy as np; x = np.frombuffer(sys.stdin.buffer.read(), "<f4"); sys.stdout.buffer.write(x.astype("<f2").tobytes())';
  const result = spawnSync('/usr/bin/python3', ['-c', script], { input: Buffer.from(values.buffer), maxBuffer: 16 * 1024 * 1024 });
  expect(result.status, result.stderr?.toString()).toBe(0);
  return new Uint16Array(new Uint8Array(result.stdout).buffer);
}

describe('float16 weights', () => {
  it('match numpy bit for bit: normals, subnormals, ties, overflow, signed zero, infinities and NaN', () => {
    const edge = [0, -0, 1, -2, 0.1, 65504, 65519.99, 65520, 1e6, -1e6, 6e-8, 2 ** -24, 2.98e-8, 2 ** -25, 1e-10];
    const ties = Array.from({ length: 64 }, (_, i) => 1 + (2 * i + 1) / 2048); // exactly halfway between halves near 1
    const subnormalTies = Array.from({ length: 64 }, (_, i) => ((2 * i + 1) / 2) * 2 ** -24);
    let seed = 12345;
    const random = Array.from({ length: 20_000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return ((seed / 2 ** 31) * 2 - 1) * 10 ** ((seed % 13) - 8); // ±[1e-8, 1e4], weights and beyond
    });
    const values = Float32Array.from([...edge, ...ties, ...subnormalTies, ...random, Infinity, -Infinity]);
    expect(Array.from(toFloat16Array(values))).toEqual(Array.from(numpyFloat16Bits(values)));
    const nan = toFloat16Array(Float32Array.of(NaN))[0];
    expect(nan & 0x7c00).toBe(0x7c00);
    expect(nan & 0x3ff).not.toBe(0);
  });
});

describe('int8 per-channel weights', () => {
  it('map each row symmetrically onto [-127, 127] with scale max|w| / 127 and round-trip within half a step', () => {
    const rows = 3;
    const cols = 5;
    const matrix = Float32Array.from([0.5, -1.27, 0.01, 0.635, 1.0, 0, 0, 0, 0, 0, -4, 2, 1, 0.02, 3.99]);
    const { values, scales } = quantizeRowsInt8(matrix, rows, cols);
    expect(Array.from(scales)).toEqual([Math.fround(1.27 / 127), 1, Math.fround(4 / 127)]);
    expect(Array.from(values.subarray(0, 5))).toEqual([50, -127, 1, 64, 100]); // 63.5 rounds away from zero
    expect(Array.from(values.subarray(5, 10))).toEqual([0, 0, 0, 0, 0]);
    expect(values[10]).toBe(-127);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        expect(Math.abs(values[r * cols + c] * scales[r] - matrix[r * cols + c])).toBeLessThanOrEqual(scales[r] / 2 + 1e-7);
      }
    }
  });
});
