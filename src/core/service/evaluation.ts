/** The Evaluate page's numbers for one model, a library model or any .tflite file, on the MNIST test set. */
import type { EvaluationResult } from '../api/contract';
import type { LayerModel } from '../api/layer-model';
import { NUM_CLASSES } from '../api/model-spec';
import type { DigitSet } from '../dataset';
import { evaluateTflite } from '../formats/tflite/evaluate-tflite';
import { createPredictor, evaluateModel, type Evaluation } from '../inference';

const MISCLASSIFIED_LIMIT = 200;

/** The page's result from an evaluation; `probabilitiesOf` gives a test image's 10 probabilities for the gallery. */
function summarize(id: string, result: Evaluation, test: DigitSet, probabilitiesOf: (index: number) => ArrayLike<number>): EvaluationResult {
  const misclassified = [];
  for (let i = 0; i < test.count && misclassified.length < MISCLASSIFIED_LIMIT; i++) {
    if (result.predictions[i] === test.labels[i]) continue;
    misclassified.push({ index: i, label: test.labels[i], predicted: result.predictions[i], probabilities: Array.from(probabilitiesOf(i)) });
  }
  const confusion = Array.from({ length: NUM_CLASSES }, (_, r) => Array.from(result.confusion.subarray(r * NUM_CLASSES, (r + 1) * NUM_CLASSES)));
  const perDigit = confusion.map((row, d) => row[d] / Math.max(1, row.reduce((a, b) => a + b, 0)));
  return { id, loss: result.loss, accuracy: result.accuracy, confusion, perDigit, misclassified };
}

export function evaluationResult(id: string, model: LayerModel, test: DigitSet): EvaluationResult {
  const predict = createPredictor(model);
  const size = test.rows * test.cols;
  return summarize(id, evaluateModel(model, test), test, (i) => predict(Float32Array.from(test.pixels.subarray(i * size, (i + 1) * size), (v) => v / 255)));
}

/** A .tflite file's evaluation in LiteRT.js; the result also says which runtime ran it and how the digits were fed. */
export async function tfliteEvaluationResult(id: string, bytes: Uint8Array, test: DigitSet): Promise<EvaluationResult> {
  const evaluation = await evaluateTflite(bytes, test);
  const result = summarize(id, evaluation, test, (i) => evaluation.probabilities.subarray(i * NUM_CLASSES, (i + 1) * NUM_CLASSES));
  return { ...result, runtime: evaluation.runtime, input: evaluation.input };
}
