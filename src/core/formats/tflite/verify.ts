/**
 * In-app proof that an exported .tflite is right: runs it in a real TFLite runtime (LiteRT.js) on a digit set
 * (the 10,000 MNIST test images) next to the source model's own forward pass, and reports the file's accuracy
 * and how closely it agrees with the source (same predicted digit, largest probability difference). The file is fed
 * as any .tflite is (tflite-classifier.ts: from its own input tensor, float32 by its NormalizationOptions, uint8 /
 * int8 through its quantization, int8 ends through a uint8 copy), dark on light (255 − pixel) for a file that
 * inverts in its graph.
 */
import type { Quantization } from '../../api/export-options';
import type { LayerModel } from '../../api/layer-model';
import { NUM_CLASSES, type TrainedModel } from '../../api/model-spec';
import type { DigitSet } from '../../dataset';
import { argMax, createPredictor } from '../../inference';
import { classifyDigits } from './tflite-classifier';

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
 * computes, float16 predicts the same digits, dynamic-range int8 loses at most half a point of accuracy, full-integer
 * int8 (activations rounded too) at most one point.
 */
const EXPECTATIONS = {
  none: { minAgreement: 1, maxAbsDiff: 1e-5 },
  float16: { minAgreement: 0.999 },
  int8: { maxAccuracyDrop: 0.005 },
  'int8-full': { maxAccuracyDrop: 0.01 },
} as const;

/** Why a verification falls short of its variant's expectations, or null when it meets them. */
export function verificationProblem(quantize: Quantization, v: TfliteVerification): string | null {
  const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
  if (quantize === 'int8' || quantize === 'int8-full') {
    const { maxAccuracyDrop } = EXPECTATIONS[quantize];
    const drop = v.sourceAccuracy - v.accuracy;
    return drop > maxAccuracyDrop ? `accuracy ${pct(v.accuracy)} is more than ${maxAccuracyDrop * 100} points below the source model's ${pct(v.sourceAccuracy)}` : null;
  }
  const expected = EXPECTATIONS[quantize];
  if (v.agreement < expected.minAgreement) return `the file predicts the source model's digit for only ${pct(v.agreement)} of the images`;
  if ('maxAbsDiff' in expected && v.maxAbsDiff > expected.maxAbsDiff) return `probabilities differ from the source model's by up to ${v.maxAbsDiff.toExponential(2)}`;
  return null;
}

/** `invert`: the file was exported with an in-graph inversion, so it is fed dark digits on a light background. */
export async function verifyTflite(bytes: Uint8Array, source: TrainedModel | LayerModel, set: DigitSet, { invert = false }: { invert?: boolean } = {}): Promise<TfliteVerification> {
  const started = performance.now();
  const fed = invert ? { ...set, pixels: set.pixels.map((p) => 255 - p) } : set;
  const { runtime, scores } = await classifyDigits(bytes, fed);
  const predict = createPredictor(source);
  const size = set.rows * set.cols;
  const pixels = new Float32Array(size);
  let correct = 0;
  let sourceCorrect = 0;
  let agree = 0;
  let maxAbsDiff = 0;
  for (let s = 0; s < set.count; s++) {
    for (let p = 0; p < size; p++) pixels[p] = set.pixels[s * size + p] / 255;
    const probs = scores.subarray(s * NUM_CLASSES, (s + 1) * NUM_CLASSES);
    const expected = predict(pixels);
    const [guess, sourceGuess] = [argMax(probs), argMax(expected)];
    if (guess === set.labels[s]) correct++;
    if (sourceGuess === set.labels[s]) sourceCorrect++;
    if (guess === sourceGuess) agree++;
    for (let k = 0; k < NUM_CLASSES; k++) maxAbsDiff = Math.max(maxAbsDiff, Math.abs(probs[k] - expected[k]));
  }
  return {
    runtime,
    samples: set.count,
    accuracy: correct / set.count,
    sourceAccuracy: sourceCorrect / set.count,
    agreement: agree / set.count,
    maxAbsDiff,
    seconds: (performance.now() - started) / 1000,
  };
}
