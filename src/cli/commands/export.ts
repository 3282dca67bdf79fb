import { defaultInputType, inputTypeProblem, INPUT_SHAPES, INPUT_TYPES, LABEL_STYLES, QUANTIZATIONS } from '../../core/api/export-options';
import { loadMnist } from '../../core/dataset';
import { openModelFile } from '../../core/formats/model-file';
import { exportTflite } from '../../core/formats/tflite/export';
import { inputTensorShape } from '../../core/formats/tflite/graph-input';
import { verificationProblem, verifyTflite, type TfliteVerification } from '../../core/formats/tflite/verify';
import { choiceFlag, parseCommand, UsageError } from '../args';
import { CommandFailed } from './failure';

export const EXPORT_USAGE =
  'digit-studio export <model.h5|model.json> --tflite OUT.tflite [--quantize none|float16|int8|int8-full] [--labels words|digits] [--input-shape 784|28x28|28x28x3] [--input-type float32|uint8|int8] [--invert] [--c-array] [--verify|--no-verify] [--data-dir DIR] [--json]';

const WEIGHTS = { none: 'float32', float16: 'float16', int8: 'int8 dynamic-range', 'int8-full': 'full-integer int8' } as const;

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

function verificationJson(v: TfliteVerification, problem: string | null): Record<string, unknown> {
  return {
    runtime: v.runtime,
    samples: v.samples,
    accuracy: v.accuracy,
    source_accuracy: v.sourceAccuracy,
    agreement: v.agreement,
    max_abs_diff: v.maxAbsDiff,
    seconds: v.seconds,
    verified: problem === null,
    problem,
  };
}

export async function exportCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommand(
    argv,
    {
      tflite: { type: 'string' },
      quantize: { type: 'string' },
      labels: { type: 'string' },
      'input-shape': { type: 'string' },
      'input-type': { type: 'string' },
      invert: { type: 'boolean' },
      'c-array': { type: 'boolean' },
      verify: { type: 'boolean' },
      'no-verify': { type: 'boolean' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
    },
    ['model'],
  );
  const out = values.tflite;
  if (typeof out !== 'string' || !out.toLowerCase().endsWith('.tflite')) throw new UsageError('--tflite: give the output file, e.g. --tflite out/digits.tflite');
  if (values.verify && values['no-verify']) throw new UsageError('--verify and --no-verify contradict each other');
  const quantize = choiceFlag(values, 'quantize', QUANTIZATIONS) ?? 'none';
  const inputShape = choiceFlag(values, 'input-shape', INPUT_SHAPES) ?? '784';
  const inputType = choiceFlag(values, 'input-type', INPUT_TYPES) ?? defaultInputType(quantize);
  const inputTypeRefusal = inputTypeProblem(quantize, inputType);
  if (inputTypeRefusal) throw new UsageError(`--input-type ${inputType}: ${inputTypeRefusal}`);
  const invert = values.invert === true;
  const labels = choiceFlag(values, 'labels', LABEL_STYLES) ?? 'words';

  const model = await openModelFile(positionals[0]);
  const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined;
  // Full-integer files are calibrated on training images; every verified file is judged on the test images.
  const mnist = quantize === 'int8-full' || !values['no-verify'] ? await loadMnist(dataDir) : null;
  const calibration = quantize === 'int8-full' ? mnist!.train : undefined;
  const result = await exportTflite(model, out, { quantize, inputShape, inputType, invert, labels, calibration, cArray: values['c-array'] === true });
  const verification = values['no-verify'] ? null : await verifyTflite(result.bytes, model, mnist!.test, { invert });
  const problem = verification && verificationProblem(quantize, verification);

  if (values.json) {
    console.log(
      JSON.stringify({
        event: 'export',
        model: positionals[0],
        file: result.file,
        bytes: result.bytes.length,
        labels_file: result.labelsFile,
        labels_bytes: result.labelsBytes,
        readme_file: result.readmeFile,
        c_array_files: result.cArrayFiles,
        quantize,
        input_shape: inputShape,
        input_type: inputType,
        invert,
        labels,
        export_seconds: result.seconds,
        verification: verification && verificationJson(verification, problem),
      }),
    );
  } else {
    const input = `[${inputTensorShape(inputShape).join(',')}]${inputType === 'float32' ? '' : ` ${inputType}`}${inputShape === '28x28x3' ? ' RGB' : ''}${invert ? ', dark on light' : ''}`;
    console.log(`Wrote ${result.file}: ${result.bytes.length.toLocaleString('en-US')} bytes (TFLite, ${WEIGHTS[quantize]} weights, input ${input}) in ${result.seconds.toFixed(2)} s`);
    console.log(`Wrote ${result.labelsFile}: ${result.labelsBytes} bytes (labels ${labels === 'words' ? 'Zero … Nine' : '0 … 9'}, also inside the .tflite with its TFLite metadata)`);
    console.log(`Wrote ${result.readmeFile}: how to feed the model (input, MNIST-style preprocessing, Kotlin/Flutter/Python snippets)`);
    if (result.cArrayFiles.length) console.log(`Wrote ${result.cArrayFiles.join(' and ')}: the same bytes as a TensorFlow Lite for Microcontrollers C array`);
    if (verification) {
      console.log(
        `${problem ? 'NOT verified' : 'Verified'} with ${verification.runtime} on ${verification.samples.toLocaleString('en-US')} MNIST test images: ` +
          `accuracy ${pct(verification.accuracy)} (source model ${pct(verification.sourceAccuracy)}), agreement ${pct(verification.agreement)}, ` +
          `max |Δp| ${verification.maxAbsDiff.toExponential(2)} (${verification.seconds.toFixed(1)} s)`,
      );
    }
  }
  if (problem) throw new CommandFailed(`${result.file}: verification failed: ${problem}`);
}
