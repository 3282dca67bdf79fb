import { megabytes, readRegularFile } from '../../core/fs/regular-file';
import { openModelFile } from '../../core/formats/model-file';
import { argMax, createPredictor } from '../../core/inference';
import { MIN_DIGIT_SPAN_PX, strokesToModelInput, type ModelInput } from '../../core/preprocess';
import { readPngDigit } from '../../core/preprocess/png';
import { parseStrokeList } from '../../core/preprocess/stroke-list';
import { parseCommand } from '../args';
import { CommandFailed } from './failure';

export const PREDICT_USAGE =
  'digit-studio predict <model.h5|model.json> <digit.png> [--json]\n  digit-studio predict <model.h5|model.json> --strokes <drawing.json> [--json]';

/** A drawing of a thousand strokes of a thousand points is about 20 MB of JSON. */
const MAX_DRAWING_BYTES = 32 * 2 ** 20;

/** A drawing file: a JSON list of strokes, each a list of [x, y] points in canvas pixels (y down), drawn like the Draw page does. */
async function readStrokesDigit(path: string): Promise<ModelInput> {
  const bytes = await readRegularFile(path, { maxBytes: MAX_DRAWING_BYTES, tooLarge: `over ${megabytes(MAX_DRAWING_BYTES)}, far more than a drawing takes` });
  try {
    return strokesToModelInput(parseStrokeList(JSON.parse(Buffer.from(bytes).toString('utf8'))), MIN_DIGIT_SPAN_PX);
  } catch (err) {
    throw new CommandFailed(`${path}: not a drawing: ${(err as Error).message}`, { cause: err });
  }
}

export async function predictCommand(argv: string[]): Promise<void> {
  const fromStrokes = argv.some((arg) => arg === '--strokes' || arg.startsWith('--strokes='));
  const { values, positionals } = parseCommand(argv, { json: { type: 'boolean' }, strokes: { type: 'string' } }, fromStrokes ? ['model'] : ['model', 'image']);
  const [modelPath, imagePath] = positionals;
  const source = fromStrokes ? String(values.strokes) : imagePath;
  const model = await openModelFile(modelPath);
  const input = fromStrokes ? await readStrokesDigit(source) : await readPngDigit(source);
  if (input.empty) {
    const why = fromStrokes ? `the strokes span less than ${MIN_DIGIT_SPAN_PX} px` : 'the image has no ink';
    throw new CommandFailed(`${source}: no digit found (${why})`);
  }
  const probabilities = Array.from(createPredictor(model)(input.pixels));
  const digit = argMax(probabilities);
  if (values.json) {
    console.log(JSON.stringify({ event: 'prediction', [fromStrokes ? 'strokes' : 'image']: source, digit, probabilities }));
    return;
  }
  console.log(`Digit: ${digit} (${(probabilities[digit] * 100).toFixed(1)}%)`);
  console.log(probabilities.map((p, d) => `  ${d}: ${p.toFixed(4)}`).join('\n'));
}
