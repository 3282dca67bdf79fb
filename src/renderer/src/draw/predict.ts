/** From a bitmap of the drawing to the model's answer: the same preprocessing as the CLI and the tests. */
import { argMax } from '../../../core/inference/forward';
import { rgbaToInk, toMnistInput } from '../../../core/preprocess';

export type Predictor = (input: ArrayLike<number>) => Float32Array;

export interface Prediction {
  /** Null when there is no ink to read. */
  digit: number | null;
  /** 10 values; all zero when there is no digit. */
  probabilities: Float32Array;
  /** Exactly what the model got: 784 values in [0, 1], white ink on black, row-major 28×28. */
  input: Float32Array;
}

export function predictFromRgba(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number, predictor: Predictor): Prediction {
  const { pixels, empty } = toMnistInput(rgbaToInk(rgba, width, height));
  if (empty) return { digit: null, probabilities: new Float32Array(10), input: pixels };
  const probabilities = predictor(pixels);
  return { digit: argMax(probabilities), probabilities, input: pixels };
}
