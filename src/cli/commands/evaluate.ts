import { NUM_CLASSES } from '../../core/api/model-spec';
import { loadMnist } from '../../core/dataset';
import { openModelFile } from '../../core/formats/model-file';
import { evaluateModel } from '../../core/inference';
import { parseCommand } from '../args';

export const EVALUATE_USAGE = 'digit-studio evaluate <model.h5|model.json> [--data-dir DIR] [--json]';

export async function evaluateCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommand(argv, { json: { type: 'boolean' }, 'data-dir': { type: 'string' } }, ['model']);
  const model = await openModelFile(positionals[0]);
  const { test } = await loadMnist(typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined);
  const result = evaluateModel(model, test);
  const perDigit = Array.from({ length: NUM_CLASSES }, (_, digit) => {
    let total = 0;
    for (let p = 0; p < NUM_CLASSES; p++) total += result.confusion[digit * NUM_CLASSES + p];
    return total ? result.confusion[digit * NUM_CLASSES + digit] / total : 0;
  });
  if (values.json) {
    const confusion = Array.from({ length: NUM_CLASSES }, (_, r) => Array.from(result.confusion.subarray(r * NUM_CLASSES, (r + 1) * NUM_CLASSES)));
    console.log(JSON.stringify({ event: 'evaluation', model: positionals[0], test_samples: test.count, test_loss: result.loss, test_accuracy: result.accuracy, per_digit_accuracy: perDigit, confusion }));
    return;
  }
  console.log(`Test accuracy: ${result.accuracy.toFixed(4)} · test loss: ${result.loss.toFixed(4)} (${test.count} MNIST test images)`);
  console.log(perDigit.map((acc, digit) => `  ${digit}: ${(acc * 100).toFixed(1)}%`).join('\n'));
}
