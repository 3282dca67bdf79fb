/**
 * Weight encodings of the TFLite variants, done the way TensorFlow's converter does them: IEEE half floats
 * (round to nearest even) for float16, and symmetric int8 in [-127, 127] with zero points of 0 for dynamic-range
 * int8, one scale per row (a single row: one scale for the whole tensor).
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The IEEE 754 binary16 bit pattern nearest to a float32 (ties to even; overflow → ±Infinity; NaN kept). */
export function toFloat16Bits(value: number): number {
  f32[0] = value;
  const bits = u32[0];
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  const mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0);
  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 0x1f) return sign | 0x7c00;
  if (halfExponent <= 0) {
    if (halfExponent < -10) return sign; // below half the smallest subnormal: ±0
    const full = mantissa | 0x800000; // implicit leading 1
    const shift = 14 - halfExponent;
    return sign | roundShift(full, shift);
  }
  // Normal: the rounding carry may ripple into the exponent, which is exactly right (up to Infinity).
  return sign | ((halfExponent << 10) + roundShift(mantissa, 13));
}

/** value >> shift, rounded to nearest with ties to even. */
function roundShift(value: number, shift: number): number {
  const kept = value >>> shift;
  const rest = value & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  return rest > half || (rest === half && kept & 1) ? kept + 1 : kept;
}

export function toFloat16Array(values: Float32Array): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = toFloat16Bits(values[i]);
  return out;
}

export interface RowScaledInt8 {
  values: Int8Array;
  /** One scale per row: float = scale * q. */
  scales: Float32Array;
}

/** Symmetric per-row int8 quantization of a row-major [rows, cols] matrix, as TFLite's weight quantizer does. */
export function quantizeRowsInt8(matrix: Float32Array, rows: number, cols: number): RowScaledInt8 {
  const values = new Int8Array(rows * cols);
  const scales = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let maxAbs = 0;
    for (let c = 0; c < cols; c++) maxAbs = Math.max(maxAbs, Math.abs(matrix[r * cols + c]));
    const scale = maxAbs === 0 ? 1 : maxAbs / 127;
    scales[r] = scale;
    for (let c = 0; c < cols; c++) {
      const q = matrix[r * cols + c] / scale;
      // std::round: halves away from zero
      values[r * cols + c] = Math.max(-127, Math.min(127, Math.sign(q) * Math.round(Math.abs(q))));
    }
  }
  return { values, scales };
}

/** An affine int8 (or uint8) encoding: real = scale × (q − zeroPoint). */
export interface AffineQuantization {
  scale: number;
  zeroPoint: number;
}

/**
 * The int8 encoding of a calibrated range, as TFLite's quantizer derives it: the range widened to include 0,
 * scale = (max − min) / 255, zero point = −128 − min / scale rounded (so that real 0 is exactly some q). A range of
 * only 0 gets scale 1.
 */
export function asymmetricInt8(min: number, max: number): AffineQuantization {
  const [low, high] = [Math.min(min, 0), Math.max(max, 0)];
  if (high === low) return { scale: 1, zeroPoint: 0 };
  const scale = Math.fround((high - low) / 255);
  return { scale, zeroPoint: Math.max(-128, Math.min(127, Math.round(-128 - low / scale))) };
}

/** Values in an affine int8 encoding, rounded to nearest and clamped. */
export function quantizeInt8(values: Float32Array, { scale, zeroPoint }: AffineQuantization): Int8Array {
  return Int8Array.from(values, (v) => Math.max(-128, Math.min(127, Math.round(v / scale) + zeroPoint)));
}

/**
 * int32 biases for an int8 CONV_2D / FULLY_CONNECTED: zero point 0, scale input scale × weight scale per output
 * channel (a single scale when the weights have one), which TFLite's kernels require.
 */
export function quantizeBias(bias: Float32Array, inputScale: number, weightScales: Float32Array): { values: Int32Array; scales: Float32Array } {
  const scales = weightScales.map((w) => inputScale * w);
  const values = Int32Array.from(bias, (b, c) => Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, Math.round(b / scales[scales.length === 1 ? 0 : c]))));
  return { values, scales };
}
