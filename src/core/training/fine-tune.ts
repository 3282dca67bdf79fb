/**
 * "Teach it my handwriting" in training: the user's own drawings mixed into the MNIST training images,
 * repeated so they matter while MNIST still dominates (so the model does not forget MNIST), the check that
 * a start model fits the configured layers, and the accuracy on the drawings measured after every epoch with
 * the plain-JavaScript forward pass (the same one the app predicts with, not the training engine).
 */
import { runLayers } from '../api/architecture';
import type { LayerModel, LayerSpec } from '../api/layer-model';
import { INPUT_SIZE } from '../api/model-spec';
import { describeModel } from '../api/model-summary';
import type { TrainConfig } from '../api/train-config';
import type { DigitSet } from '../dataset';
import { evaluateModel } from '../inference/evaluate';

/** The share of the training images the user's drawings make up at most (repeats included). */
export const USER_SHARE = 0.05;
/** No drawing is repeated more often than this in one epoch: beyond it the model memorises single drawings. */
export const MAX_REPEATS = 50;

/** How many times each drawing appears in an epoch: up to USER_SHARE of the images, at least once. */
export function userRepeats(mnistCount: number, userCount: number): number {
  return Math.max(1, Math.min(MAX_REPEATS, Math.floor((USER_SHARE * mnistCount) / ((1 - USER_SHARE) * userCount))));
}

/** The MNIST training images followed by the user's drawings, each repeated userRepeats times. */
export function mixUserSamples(train: DigitSet, user: DigitSet): DigitSet {
  const repeats = userRepeats(train.count, user.count);
  const count = train.count + repeats * user.count;
  const pixels = new Uint8Array(count * INPUT_SIZE);
  const labels = new Uint8Array(count);
  pixels.set(train.pixels);
  labels.set(train.labels);
  for (let r = 0; r < repeats; r++) {
    const at = train.count + r * user.count;
    pixels.set(user.pixels, at * INPUT_SIZE);
    labels.set(user.labels, at);
  }
  return { count, rows: train.rows, cols: train.cols, pixels, labels };
}

/** Share of the drawings the model reads right, with the plain-JavaScript forward pass. */
export function userAccuracy(user: DigitSet): (model: LayerModel) => number {
  return (model) => evaluateModel(model, user).accuracy;
}

/**
 * Why a model cannot be the start of a run with these settings, or null when its layers match them: the same layers
 * in the same order with the same settings, as describeModel words them (a Dense stack or a CNN alike).
 */
export function startModelProblem(config: TrainConfig, layers: readonly LayerSpec[]): string | null {
  const found = describeModel(layers);
  const wanted = describeModel(runLayers(config));
  if (found === wanted) return null;
  const advice = layers.some((layer) => layer.type === 'Conv2D')
    ? `${config.cnn ? '' : 'choose a CNN and '}set its filters, kernel size, dense units, dropout and activation to match the model`
    : `${config.cnn ? 'choose an MLP and ' : ''}set the hidden layer sizes and activation to match the model`;
  return `its layers are ${found} but the settings ask for ${wanted}: ${advice}`;
}
