import type { LayerModel } from '../api/layer-model';
import { NUM_CLASSES, type TrainedModel } from '../api/model-spec';
import type { DigitSet } from '../dataset';
import { argMax, createPredictor } from './forward';

export interface Evaluation {
  loss: number;
  accuracy: number;
  /** confusion[true * 10 + predicted] = count */
  confusion: Uint32Array;
  /** Predicted digit for every sample, in order. */
  predictions: Uint8Array;
}

const EPSILON = 1e-7; // Keras clips probabilities to [eps, 1 - eps] in categorical cross-entropy

/** Scores a classifier's probabilities for each sample of the set, in order, against the set's labels. */
export function scoreProbabilities(set: DigitSet, probabilitiesOf: (sample: number) => ArrayLike<number>): Evaluation {
  const confusion = new Uint32Array(NUM_CLASSES * NUM_CLASSES);
  const predictions = new Uint8Array(set.count);
  let loss = 0;
  let correct = 0;
  for (let s = 0; s < set.count; s++) {
    const probs = probabilitiesOf(s);
    const label = set.labels[s];
    const guess = argMax(probs);
    predictions[s] = guess;
    confusion[label * NUM_CLASSES + guess]++;
    if (guess === label) correct++;
    loss -= Math.log(Math.min(Math.max(probs[label], EPSILON), 1 - EPSILON));
  }
  return { loss: loss / set.count, accuracy: correct / set.count, confusion, predictions };
}

export function evaluateModel(model: TrainedModel | LayerModel, set: DigitSet): Evaluation {
  const predict = createPredictor(model);
  const size = set.rows * set.cols;
  const input = new Float32Array(size);
  return scoreProbabilities(set, (s) => {
    for (let p = 0; p < size; p++) input[p] = set.pixels[s * size + p] / 255;
    return predict(input);
  });
}
