import { NUM_CLASSES } from '../../core/api/model-spec';
import { loadMnist, type DigitSet } from '../../core/dataset';
import { openModelFile } from '../../core/formats/model-file';
import { ModelFileError } from '../../core/formats/model-error';
import { evaluateTflite } from '../../core/formats/tflite/evaluate-tflite';
import { readTfliteFile } from '../../core/formats/tflite/inspect';
import { evaluateModel, type Evaluation } from '../../core/inference';
import { parseCommand } from '../args';
import { printLine } from '../terminal-text';

export const EVALUATE_USAGE = 'digit-studio evaluate <model.h5|model.json|model.tflite> [--data-dir DIR] [--json]';

type Evaluated = { result: Evaluation; tflite?: { runtime: string; input: string } };

/**
 * Reads the model file (before the test set, so a bad file is reported at once) and returns what evaluates it:
 * for a .tflite, LiteRT.js, which also says how it fed the digits.
 */
async function openEvaluator(path: string): Promise<(test: DigitSet) => Promise<Evaluated>> {
  if (!path.toLowerCase().endsWith('.tflite')) {
    const model = await openModelFile(path);
    return async (test) => ({ result: evaluateModel(model, test) });
  }
  const bytes = await readTfliteFile(path);
  return async (test) => {
    try {
      const { runtime, input, ...result } = await evaluateTflite(bytes, test);
      return { result, tflite: { runtime, input } };
    } catch (error) {
      throw new ModelFileError(path, (error as Error).message);
    }
  };
}

export async function evaluateCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommand(argv, { json: { type: 'boolean' }, 'data-dir': { type: 'string' } }, ['model']);
  const evaluate = await openEvaluator(positionals[0]);
  const { test } = await loadMnist(typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined);
  const { result, tflite } = await evaluate(test);
  const perDigit = Array.from({ length: NUM_CLASSES }, (_, digit) => {
    let total = 0;
    for (let p = 0; p < NUM_CLASSES; p++) total += result.confusion[digit * NUM_CLASSES + p];
    return total ? result.confusion[digit * NUM_CLASSES + digit] / total : 0;
  });
  const confusion = Array.from({ length: NUM_CLASSES }, (_, r) => Array.from(result.confusion.subarray(r * NUM_CLASSES, (r + 1) * NUM_CLASSES)));
  if (values.json) {
    console.log(
      JSON.stringify({
        event: 'evaluation',
        model: positionals[0],
        ...(tflite ? { runtime: tflite.runtime, input: tflite.input } : {}),
        test_samples: test.count,
        test_loss: result.loss,
        test_accuracy: result.accuracy,
        per_digit_accuracy: perDigit,
        confusion,
      }),
    );
    return;
  }
  // The file's own input description may hold anything its writer put in a tensor name: printed as safe text.
  if (tflite) printLine(`Ran in ${tflite.runtime}, input ${tflite.input}`);
  console.log(`Test accuracy: ${result.accuracy.toFixed(4)} · test loss: ${result.loss.toFixed(4)} (${test.count} MNIST test images)`);
  console.log(perDigit.map((acc, digit) => `  ${digit}: ${(acc * 100).toFixed(1)}%`).join('\n'));
  console.log(`Confusion matrix (rows: true digit, columns: predicted):\n${confusionText(confusion)}`);
}

/** The matrix as aligned columns, a header row of predicted digits first. */
function confusionText(confusion: number[][]): string {
  const width = Math.max(4, ...confusion.flat().map((n) => String(n).length + 1));
  const row = (label: string, cells: Array<string | number>): string => label.padStart(3) + cells.map((c) => String(c).padStart(width)).join('');
  return [row('', confusion.map((_, d) => d)), ...confusion.map((cells, d) => row(String(d), cells))].join('\n');
}
