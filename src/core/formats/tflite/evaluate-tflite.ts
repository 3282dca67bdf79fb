/**
 * Evaluates any .tflite digit classifier on a digit set (the 10,000 MNIST test images) in LiteRT.js, with the
 * same numbers as a Keras model's evaluation: accuracy, loss, confusion matrix and each digit's prediction.
 */
import { NUM_CLASSES } from '../../api/model-spec';
import type { DigitSet } from '../../dataset';
import { scoreProbabilities, type Evaluation } from '../../inference';
import { classifyDigits } from './tflite-classifier';

export interface TfliteEvaluation extends Evaluation {
  runtime: string;
  /** How the digits were fed, in one line. */
  input: string;
  /** 10 per digit, in the set's order: the file's probabilities, or the softmax of its scores when it gives logits. */
  probabilities: Float32Array;
}

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

/** Probabilities per digit: a file that ends without a softmax gives logits, which the loss cannot take as they are. */
function asProbabilities(scores: Float32Array): Float32Array {
  const rows = Array.from({ length: scores.length / NUM_CLASSES }, (_, s) => scores.subarray(s * NUM_CLASSES, (s + 1) * NUM_CLASSES));
  if (!rows.every(isDistribution)) rows.forEach(softmaxInPlace);
  return scores;
}

export async function evaluateTflite(bytes: Uint8Array, set: DigitSet): Promise<TfliteEvaluation> {
  const { runtime, input, scores } = await classifyDigits(bytes, set);
  const probabilities = asProbabilities(scores);
  const evaluation = scoreProbabilities(set, (s) => probabilities.subarray(s * NUM_CLASSES, (s + 1) * NUM_CLASSES));
  return { ...evaluation, runtime, input, probabilities };
}
