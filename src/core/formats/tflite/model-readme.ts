/**
 * The short README written next to an exported .tflite: what its input takes (shape, type, colour, polarity,
 * normalisation), the MNIST-style preprocessing Digit Studio applies before the model (which no graph op can do),
 * what the output means, and minimal snippets for Android (LiteRT Interpreter, Kotlin), Flutter (tflite_flutter)
 * and Python (LiteRT interpreter) that feed this variant. The snippets were written against those APIs' documented
 * calls, not compiled here; the README says so.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { InputEncoding, InputType } from '../../api/export-options';
import { PEN_FRACTION } from '../../preprocess/strokes';
import { inputTensorShape } from './graph-input';

export interface ReadmeFacts {
  modelFile: string;
  labelsFile: string;
  labels: readonly string[];
  /** The file's one-line description (describeModel). */
  description: string;
  input: InputEncoding;
  /** The output tensor's type: int8 or uint8 scores (full-integer files) or float32 probabilities. */
  outputType: InputType;
}

interface Feed {
  shape: string;
  channels: number;
  /** One byte per value (uint8 or int8) rather than a float32. */
  bytes: boolean;
  /** The value fed for a pixel p (0..255, in the polarity the file takes) in each language. */
  kotlin: string;
  dart: string;
}

const KOTLIN: Record<InputType, string> = { float32: 'putFloat(p / 255f)', uint8: 'put(p.toByte())', int8: 'put((p - 128).toByte())' };
const DART: Record<InputType, string> = { float32: 'p / 255.0', uint8: 'p', int8: 'p - 128' };
const NUMPY: Record<InputType, { value: string; type: string }> = {
  float32: { value: '(pixels / 255)', type: 'np.float32' },
  uint8: { value: 'pixels', type: 'np.uint8' },
  int8: { value: '(pixels.astype(np.int16) - 128)', type: 'np.int8' },
};

function feedOf({ inputShape, inputType = 'float32' }: InputEncoding): Feed {
  return {
    shape: `[${inputTensorShape(inputShape).join(', ')}]`,
    channels: inputShape === '28x28x3' ? 3 : 1,
    bytes: inputType !== 'float32',
    kotlin: KOTLIN[inputType],
    dart: DART[inputType],
  };
}

function inputSection({ inputShape, inputType = 'float32', invert = false }: InputEncoding, feed: Feed): string[] {
  const colour = inputShape === '28x28x3' ? 'RGB; the graph averages R, G and B to gray, so pass R = G = B (any colour works, only brightness counts)' : 'one gray value per pixel';
  const values = {
    uint8: 'uint8, raw pixel values 0–255 (the graph scales them to 0–1)',
    int8: 'int8, pixel − 128 (quantization scale 1/255, zero point −128: the graph reads pixel / 255)',
    float32: 'float32, pixel / 255 (0–1). The metadata says so (NormalizationOptions mean 0, std 255), so MediaPipe, ML Kit and the Task Library convert images themselves',
  }[inputType];
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
  const bytesPerValue = feed.bytes ? 1 : 4;
  const float = facts.outputType === 'float32';
  // Kotlin's Byte is signed: uint8 scores above 127 read as negative unless masked.
  const score = facts.outputType === 'uint8' ? '(output[0][it].toInt() and 0xFF)' : 'output[0][it]';
  const size = `28 * 28${feed.channels === 3 ? ' * 3' : ''}`;
  const repeat = feed.channels === 3 ? `repeat(3) { input.${feed.kotlin} }` : `input.${feed.kotlin}`;
  const dartPixel = feed.channels === 3 ? `List.filled(3, ${feed.dart})` : input.inputShape === '28x28' ? `[${feed.dart}]` : feed.dart;
  const dartInput =
    input.inputShape === '784'
      ? `[List.generate(784, (i) { final p = pixels[i]; return ${feed.dart}; })]`
      : `[List.generate(28, (y) => List.generate(28, (x) { final p = pixels[y * 28 + x]; return ${dartPixel}; }))]`;
  const { type: npType, value: npValue } = NUMPY[input.inputType ?? 'float32'];
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
    `val output = Array(1) { ${float ? 'FloatArray' : 'ByteArray'}(10) }`,
    'interpreter.run(input.rewind(), output)',
    `val digit = output[0].indices.maxBy { ${score} }`,
    '```',
    '',
    'Flutter (`tflite_flutter`):',
    '',
    '```dart',
    `final interpreter = await Interpreter.fromAsset('assets/${modelFile}');`,
    `final input = ${dartInput};`,
    `final output = [List.filled(10, ${float ? '0.0' : '0'})];`,
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
    ...(float
      ? ['probabilities = interpreter.get_tensor(interpreter.get_output_details()[0]["index"])[0]']
      : [
          'out = interpreter.get_output_details()[0]',
          'scale, zero_point = out["quantization"]',
          'probabilities = scale * (interpreter.get_tensor(out["index"])[0].astype(np.float32) - zero_point)',
        ]),
    '```',
  ];
}

/** What the output tensor holds; TFLite fixes a quantized softmax output's encoding at scale 1/256. */
function outputValues(type: InputType): string {
  if (type === 'float32') return 'float32: the probability of each digit (softmax)';
  const zeroPoint = type === 'int8' ? -128 : 0;
  return `${type}: each digit's score quantized, real value = scale × (q − zero point) with the output tensor's quantization (after a softmax: 1/256 and ${zeroPoint})`;
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
    `Shape [1, 10], ${outputValues(facts.outputType)}, index i = the label on line i + 1 of \`${facts.labelsFile}\` (${facts.labels.join(', ')}).`,
    'The same labels are inside the .tflite (TFLite Model Metadata + an uncompressed `labels.txt`), where Android Studio, ML Kit, MediaPipe and the Task Library read them.',
    '',
    ...snippets(facts, feed),
    '',
  ].join('\n');
}
