/** The Evaluate page's numbers for one model on the MNIST test set. */
import type { EvaluationResult } from '../api/contract';
import type { LayerModel } from '../api/layer-model';
import type { DigitSet } from '../dataset';
import { createPredictor, evaluateModel } from '../inference';

const MISCLASSIFIED_LIMIT = 200;

export function evaluationResult(id: string, model: LayerModel, test: DigitSet): EvaluationResult {
  const result = evaluateModel(model, test);
  const predict = createPredictor(model);
  const size = test.rows * test.cols;
  const misclassified = [];
  for (let i = 0; i < test.count && misclassified.length < MISCLASSIFIED_LIMIT; i++) {
    if (result.predictions[i] === test.labels[i]) continue;
    const input = Float32Array.from(test.pixels.subarray(i * size, (i + 1) * size), (v) => v / 255);
    misclassified.push({ index: i, label: test.labels[i], predicted: result.predictions[i], probabilities: Array.from(predict(input)) });
  }
  const confusion = Array.from({ length: 10 }, (_, r) => Array.from(result.confusion.subarray(r * 10, r * 10 + 10)));
  const perDigit = confusion.map((row, d) => row[d] / Math.max(1, row.reduce((a, b) => a + b, 0)));
  return { id, loss: result.loss, accuracy: result.accuracy, confusion, perDigit, misclassified };
}
