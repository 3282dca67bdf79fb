/**
 * Evaluates any .tflite digit classifier on a digit set (the 10,000 MNIST test images) in LiteRT.js, with the
 * same numbers as a Keras model's evaluation: accuracy, loss, confusion matrix and each digit's prediction.
 */
import { NUM_CLASSES } from '../../api/model-spec';
import type { DigitSet } from '../../dataset';
import { scoreProbabilities, type Evaluation } from '../../inference';
import { classifyDigits } from './tflite-classifier';
import { asProbabilities } from './tflite-probabilities';

export interface TfliteEvaluation extends Evaluation {
  runtime: string;
  /** How the digits were fed, in one line. */
  input: string;
  /** 10 per digit, in the set's order: the file's probabilities, or the softmax of its scores when it gives logits. */
  probabilities: Float32Array;
}

export async function evaluateTflite(bytes: Uint8Array, set: DigitSet): Promise<TfliteEvaluation> {
  const { runtime, input, scores } = await classifyDigits(bytes, set);
  const probabilities = asProbabilities(scores);
  const evaluation = scoreProbabilities(set, (s) => probabilities.subarray(s * NUM_CLASSES, (s + 1) * NUM_CLASSES));
  return { ...evaluation, runtime, input, probabilities };
}
