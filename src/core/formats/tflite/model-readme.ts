/**
 * The short README written next to an exported .tflite: what its input takes (shape, type, colour, polarity,
 * normalisation), the MNIST-style preprocessing Digit Studio applies before the model (which no graph op can do),
 * what the output means, and minimal snippets for Android (LiteRT Interpreter, Kotlin), Flutter (tflite_flutter)
 * and Python (LiteRT interpreter) that feed this variant. The snippets were written against those APIs' documented
 * calls, not compiled here; the README says so.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { InputEncoding } from '../../api/export-options';
import { PEN_FRACTION } from '../../preprocess/strokes';
import { inputTensorShape } from './graph-input';

export interface ReadmeFacts {
  modelFile: string;
  labelsFile: string;
  labels: readonly string[];
  /** The file's one-line description (describeModel). */
  description: string;
  input: InputEncoding;
}

interface Feed {
  shape: string;
  channels: number;
  uint8: boolean;
  /** The value fed for a pixel p (0..255, in the polarity the file takes) in each language. */
  kotlin: string;
  dart: string;
}

function feedOf({ inputShape, inputType = 'float32' }: InputEncoding): Feed {
  const uint8 = inputType === 'uint8';
  return {
    shape: `[${inputTensorShape(inputShape).join(', ')}]`,
    channels: inputShape === '28x28x3' ? 3 : 1,
    uint8,
    kotlin: uint8 ? 'put(p.toByte())' : 'putFloat(p / 255f)',
    dart: uint8 ? 'p' : 'p / 255.0',
  };
}

function inputSection({ inputShape, inputType = 'float32', invert = false }: InputEncoding, feed: Feed): string[] {
  const colour = inputShape === '28x28x3' ? 'RGB; the graph averages R, G and B to gray, so pass R = G = B (any colour works, only brightness counts)' : 'one gray value per pixel';
  const values =
    inputType === 'uint8'
      ? 'uint8, raw pixel values 0–255 (the graph scales them to 0–1)'
      : 'float32, pixel / 255 (0–1). The metadata says so (NormalizationOptions mean 0, std 255), so MediaPipe, ML Kit and the Task Library convert images themselves';
  const polarity = invert
    ? 'a dark digit on a light background (255 = paper, 0 = ink); the graph inverts it to MNIST’s white on black'
    : 'a white digit on a black background, as in MNIST (0 = background, 255 = ink). A phone app drawing black ink on white must invert first (or export with `--invert`)';
  return [
    '## Input',
    '',
    `- Shape ${feed.shape}, ${colour}.`,
    `- Values: ${values}.`,
    `- Polarity: ${polarity}.`,
  ];
}

const PREPROCESSING = [
  '## Preprocessing (not in the model: do it in the app)',
  '',
  'The model was trained on MNIST digits, which were prepared like this; Digit Studio does the same before it predicts:',
  '',
  '1. Bounding box of the ink: pixels with at least 10 % of the strongest ink; fainter specks do not count.',
  '2. Scale that box so that its longer side is 20 px (area-averaged, aspect ratio kept) and place it centred in a 28 × 28 field of background.',
  '3. Shift the digit (bilinear) so that the centre of mass of its ink is at the centre of pixel (14, 14), i.e. 14.5 px from the top-left corner, and clip to 0–255.',
  `4. When drawing with a finger, use a pen about ${Math.round(PEN_FRACTION * 100)} % as wide as the digit's longer side, so the strokes look as thick as MNIST's after scaling.`,
  '',
  'Feeding an uncentred or thin-stroked drawing costs accuracy; no graph operator can crop and centre.',
];

function snippets(facts: ReadmeFacts, feed: Feed): string[] {
  const { modelFile, input } = facts;
  const bytesPerValue = feed.uint8 ? 1 : 4;
  const size = `28 * 28${feed.channels === 3 ? ' * 3' : ''}`;
  const repeat = feed.channels === 3 ? `repeat(3) { input.${feed.kotlin} }` : `input.${feed.kotlin}`;
  const dartPixel = feed.channels === 3 ? `List.filled(3, ${feed.dart})` : input.inputShape === '28x28' ? `[${feed.dart}]` : feed.dart;
  const dartInput =
    input.inputShape === '784'
      ? `[List.generate(784, (i) { final p = pixels[i]; return ${feed.dart}; })]`
      : `[List.generate(28, (y) => List.generate(28, (x) { final p = pixels[y * 28 + x]; return ${dartPixel}; }))]`;
  const npType = feed.uint8 ? 'np.uint8' : 'np.float32';
  const npValue = feed.uint8 ? 'pixels' : '(pixels / 255)';
  const npShape = input.inputShape === '784' ? '.reshape(1, 784)' : feed.channels === 3 ? '.reshape(1, 28, 28, 1).repeat(3, axis=3)' : '.reshape(1, 28, 28, 1)';
  return [
    '## Snippets',
    '',
    `\`pixels\`: the 784 preprocessed pixels, 0–255, row by row, ${input.invert ? 'dark ink on a light background' : 'white ink on black'}.`,
    'These snippets were written for this variant but not compiled or run here.',
    '',
    'Android (Kotlin, LiteRT / TensorFlow Lite `Interpreter`):',
    '',
    '```kotlin',
    `val interpreter = Interpreter(FileUtil.loadMappedFile(context, "${modelFile}"))`,
    `val input = ByteBuffer.allocateDirect(${bytesPerValue} * ${size}).order(ByteOrder.nativeOrder())`,
    `for (p in pixels) ${repeat}`,
    'val output = Array(1) { FloatArray(10) }',
    'interpreter.run(input.rewind(), output)',
    'val digit = output[0].indices.maxBy { output[0][it] }',
    '```',
    '',
    'Flutter (`tflite_flutter`):',
    '',
    '```dart',
    `final interpreter = await Interpreter.fromAsset('assets/${modelFile}');`,
    `final input = ${dartInput};`,
    'final output = [List.filled(10, 0.0)];',
    'interpreter.run(input, output);',
    '```',
    '',
    'Python (LiteRT: `pip install ai-edge-litert`):',
    '',
    '```python',
    'import numpy as np',
    'from ai_edge_litert.interpreter import Interpreter',
    `interpreter = Interpreter(model_path="${modelFile}")`,
    'interpreter.allocate_tensors()',
    `x = ${npValue}.astype(${npType})${npShape}  # pixels: np.array of 784 values 0-255`,
    'interpreter.set_tensor(interpreter.get_input_details()[0]["index"], x)',
    'interpreter.invoke()',
    'probabilities = interpreter.get_tensor(interpreter.get_output_details()[0]["index"])[0]',
    '```',
  ];
}

/** out/model.tflite → out/model.README.md (not README.md, which could be the user's own in that folder). */
export function readmePathFor(modelPath: string): string {
  return join(dirname(modelPath), `${basename(modelPath, extname(modelPath))}.README.md`);
}

export function modelReadme(facts: ReadmeFacts): string {
  const feed = feedOf(facts.input);
  return [
    `# ${facts.modelFile}`,
    '',
    `${facts.description}.`,
    '',
    ...inputSection(facts.input, feed),
    '',
    ...PREPROCESSING,
    '',
    '## Output',
    '',
    `Shape [1, 10], float32: the probability of each digit (softmax), index i = the label on line i + 1 of \`${facts.labelsFile}\` (${facts.labels.join(', ')}).`,
    'The same labels are inside the .tflite (TFLite Model Metadata + an uncompressed `labels.txt`), where Android Studio, ML Kit, MediaPipe and the Task Library read them.',
    '',
    ...snippets(facts, feed),
    '',
  ].join('\n');
}
