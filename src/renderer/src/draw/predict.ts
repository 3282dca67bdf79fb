/**
 * From the Draw page's strokes to the model's answer. The input is made by strokesToModelInput, the very
 * function `digit-studio predict --strokes` and `npm run bench:pen` call, so for the same points the page
 * hands the model the same 784 values as they do. The pen width on screen plays no part in it: the model's
 * pen is a fixed fraction of the digit's size, however big the user drew and however hard they pressed.
 */
import { argMax } from '../../../core/inference/forward';
import { MIN_DIGIT_SPAN_PX, strokesToModelInput, type ModelInput, type StrokePoints } from '../../../core/preprocess';

/** A model run here, in the page: its answer comes at once. */
export type Predictor = (input: ArrayLike<number>) => Float32Array;

/** A model the backend runs (a .tflite file in LiteRT.js): its answer comes later, or the call fails. */
export interface RemotePredictor {
  remote: (input: Float32Array) => Promise<Float32Array>;
}

/** What can read a drawing. */
export type Reader = Predictor | RemotePredictor;

export interface Prediction {
  /** Null when there is no digit to read. */
  digit: number | null;
  /** 10 values; all zero when there is no digit. */
  probabilities: Float32Array;
  /** Exactly what the model got: 784 values in [0, 1], white ink on black, row-major 28×28. */
  input: Float32Array;
}

/** The 784 values for the strokes (canvas CSS px); `empty` for a dot or a scribble, which no model is asked about. */
export const strokesInput = (strokes: ReadonlyArray<StrokePoints>): ModelInput => strokesToModelInput(strokes, MIN_DIGIT_SPAN_PX);

/** The shown state for an input no model read: no digit, no probabilities. */
export const noDigit = (input: Float32Array): Prediction => ({ digit: null, probabilities: new Float32Array(10), input });

/** The model's answer for `input` as the page shows it. */
export const readingOf = (input: Float32Array, probabilities: Float32Array): Prediction => ({ digit: argMax(probabilities), probabilities, input });

/** The model's reading of the strokes; no digit, without asking the model, for a dot or a scribble. */
export function predictStrokes(strokes: ReadonlyArray<StrokePoints>, predictor: Predictor): Prediction {
  const { pixels, empty } = strokesInput(strokes);
  return empty ? noDigit(pixels) : readingOf(pixels, predictor(pixels));
}
