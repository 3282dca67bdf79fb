import { readModelFile } from '../../core/formats/model-file';
import { argMax, createPredictor } from '../../core/inference';
import { readPngDigit } from '../../core/preprocess/png';
import { parseCommand } from '../args';
import { CommandFailed } from './failure';

export const PREDICT_USAGE = 'digit-studio predict <model.h5|model.json> <digit.png> [--json]';

export async function predictCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommand(argv, { json: { type: 'boolean' } }, ['model', 'image']);
  const [modelPath, imagePath] = positionals;
  const model = await readModelFile(modelPath);
  const input = await readPngDigit(imagePath);
  if (input.empty) throw new CommandFailed(`${imagePath}: no digit found (the image has no ink)`);
  const probabilities = Array.from(createPredictor(model)(input.pixels));
  const digit = argMax(probabilities);
  if (values.json) {
    console.log(JSON.stringify({ event: 'prediction', image: imagePath, digit, probabilities }));
    return;
  }
  console.log(`Digit: ${digit} (${(probabilities[digit] * 100).toFixed(1)}%)`);
  console.log(probabilities.map((p, d) => `  ${d}: ${p.toFixed(4)}`).join('\n'));
}
