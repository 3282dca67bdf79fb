/**
 * In-app proof that an exported .tflite is right: runs it in a real TFLite runtime (LiteRT.js) on a digit set
 * (the 10,000 MNIST test images) next to the source model's own forward pass, and reports the file's accuracy
 * and how closely it agrees with the source (same predicted digit, largest probability difference). Each digit is
 * fed as a phone app would feed the file's input: float32 pixels/255 or uint8 0–255 (from the input tensor's type),
 * once per value or as R=G=B for an RGB input, and dark on light (255 − pixel) for a file that inverts in its graph.
 */
import type { Quantization } from '../../api/export-options';
import type { LayerModel } from '../../api/layer-model';
import { NUM_CLASSES, type TrainedModel } from '../../api/model-spec';
import type { DigitSet } from '../../dataset';
import { argMax, createPredictor } from '../../inference';
import { loadLiteRt } from './litert';

export interface TfliteVerification {
  runtime: string;
  samples: number;
  /** Fractions in [0, 1]. */
  accuracy: number;
  sourceAccuracy: number;
  /** Share of samples where the file and the source model predict the same digit. */
  agreement: number;
  maxAbsDiff: number;
  seconds: number;
}

/**
 * What each variant must achieve for the file to count as verified: float32 computes what the source model
 * computes, float16 predicts the same digits, int8 loses at most half a point of accuracy.
 */
const EXPECTATIONS = {
  none: { minAgreement: 1, maxAbsDiff: 1e-5 },
  float16: { minAgreement: 0.999 },
  int8: { maxAccuracyDrop: 0.005 },
} as const;

/** Why a verification falls short of its variant's expectations, or null when it meets them. */
export function verificationProblem(quantize: Quantization, v: TfliteVerification): string | null {
  const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
  if (quantize === 'int8') {
    const drop = v.sourceAccuracy - v.accuracy;
    return drop > EXPECTATIONS.int8.maxAccuracyDrop ? `accuracy ${pct(v.accuracy)} is more than 0.5 points below the source model's ${pct(v.sourceAccuracy)}` : null;
  }
  const expected = EXPECTATIONS[quantize];
  if (v.agreement < expected.minAgreement) return `the file predicts the source model's digit for only ${pct(v.agreement)} of the images`;
  if ('maxAbsDiff' in expected && v.maxAbsDiff > expected.maxAbsDiff) return `probabilities differ from the source model's by up to ${v.maxAbsDiff.toExponential(2)}`;
  return null;
}

/** `invert`: the file was exported with an in-graph inversion, so it is fed dark digits on a light background. */
export async function verifyTflite(bytes: Uint8Array, source: TrainedModel | LayerModel, set: DigitSet, { invert = false }: { invert?: boolean } = {}): Promise<TfliteVerification> {
  const { litert, version, log } = await loadLiteRt();
  const started = performance.now();
  const logged = log.length;
  const compiled = await litert.loadAndCompile(bytes, { accelerator: 'wasm' }).catch((error: unknown) => {
    const reason = log.slice(logged).findLast((line) => line.startsWith('ERROR'));
    throw new Error(`LiteRT.js ${version} cannot load the file: ${(error as Error).message}${reason ? ` (${reason})` : ''}`);
  });
  try {
    const [input] = compiled.getInputDetails();
    const [output] = compiled.getOutputDetails();
    const size = set.rows * set.cols;
    const inputSize = input.shape.reduce((a, b) => a * b, 1);
    const channels = inputSize / size;
    if ((channels !== 1 && channels !== 3) || output.shape.reduce((a, b) => a * b, 1) !== NUM_CLASSES) {
      throw new Error(`the file maps [${input.shape.join(',')}] → [${output.shape.join(',')}], expected one ${size}-pixel gray or RGB image → ${NUM_CLASSES} probabilities`);
    }
    const predict = createPredictor(source);
    const pixels = new Float32Array(size);
    const fed = input.dtype === 'uint8' ? new Uint8Array(inputSize) : new Float32Array(inputSize);
    const scale = input.dtype === 'uint8' ? 1 : 1 / 255;
    let correct = 0;
    let sourceCorrect = 0;
    let agree = 0;
    let maxAbsDiff = 0;
    for (let s = 0; s < set.count; s++) {
      for (let p = 0; p < size; p++) {
        const pixel = set.pixels[s * size + p];
        pixels[p] = pixel / 255;
        fed.fill((invert ? 255 - pixel : pixel) * scale, p * channels, (p + 1) * channels);
      }
      const tensor = new litert.Tensor(fed, input.shape);
      const results = await compiled.run([tensor]);
      const probs = Float32Array.from(results[0].toTypedArray()); // a copy: the tensors' memory is freed next
      tensor.delete();
      for (const r of results) r.delete();
      const expected = predict(pixels);
      const [guess, sourceGuess] = [argMax(probs), argMax(expected)];
      if (guess === set.labels[s]) correct++;
      if (sourceGuess === set.labels[s]) sourceCorrect++;
      if (guess === sourceGuess) agree++;
      for (let k = 0; k < NUM_CLASSES; k++) maxAbsDiff = Math.max(maxAbsDiff, Math.abs(probs[k] - expected[k]));
    }
    return {
      runtime: `LiteRT.js ${version}`,
      samples: set.count,
      accuracy: correct / set.count,
      sourceAccuracy: sourceCorrect / set.count,
      agreement: agree / set.count,
      maxAbsDiff,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    compiled.delete();
  }
}
