/**
 * A .tflite digit classifier's scores as probabilities: a file that ends in a softmax gives them as they are
 * (dequantized ones within their rounding), one that ends without it gives logits, which are put through one.
 */
import { NUM_CLASSES } from '../../api/model-spec';

/** Quantized softmax outputs sum to 1 only within their rounding: 10 steps of 1/256 at worst. */
const SUM_TOLERANCE = 0.05;

function isDistribution(row: Float32Array): boolean {
  const sum = row.reduce((a, b) => a + b, 0);
  return row.every((p) => p >= 0 && p <= 1 + SUM_TOLERANCE) && Math.abs(sum - 1) <= SUM_TOLERANCE;
}

function softmaxInPlace(row: Float32Array): void {
  const max = Math.max(...row);
  let sum = 0;
  row.forEach((v, k) => (sum += row[k] = Math.exp(v - max)));
  row.forEach((v, k) => (row[k] = v / sum));
}

/**
 * Probabilities per digit, 10 per row, in place: when any row is not a distribution the file gives logits, and every
 * row is put through a softmax.
 */
export function asProbabilities(scores: Float32Array): Float32Array {
  const rows = Array.from({ length: scores.length / NUM_CLASSES }, (_, s) => scores.subarray(s * NUM_CLASSES, (s + 1) * NUM_CLASSES));
  if (!rows.every(isDistribution)) rows.forEach(softmaxInPlace);
  return scores;
}
