/**
 * From the Draw page's strokes to the model's answer. The input is made by strokesToModelInput, the very
 * function `digit-studio predict --strokes` and `npm run bench:pen` call, so for the same points the page
 * hands the model the same 784 values as they do. The pen width on screen plays no part in it: the model's
 * pen is a fixed fraction of the digit's size, however big the user drew and however hard they pressed.
 */
import { argMax } from '../../../core/inference/forward';
import { MIN_DIGIT_SPAN_PX, strokesToModelInput, type StrokePoints } from '../../../core/preprocess';

export type Predictor = (input: ArrayLike<number>) => Float32Array;

export interface Prediction {
  /** Null when there is no digit to read. */
  digit: number | null;
  /** 10 values; all zero when there is no digit. */
  probabilities: Float32Array;
  /** Exactly what the model got: 784 values in [0, 1], white ink on black, row-major 28×28. */
  input: Float32Array;
}

/** The model's reading of the strokes (canvas CSS px); no digit, without asking the model, for a dot or a scribble. */
export function predictStrokes(strokes: ReadonlyArray<StrokePoints>, predictor: Predictor): Prediction {
  const { pixels, empty } = strokesToModelInput(strokes, MIN_DIGIT_SPAN_PX);
  if (empty) return { digit: null, probabilities: new Float32Array(10), input: pixels };
  const probabilities = predictor(pixels);
  return { digit: argMax(probabilities), probabilities, input: pixels };
}
