/**
 * "Teach it my handwriting" in training: the user's own drawings mixed into the MNIST training images,
 * repeated so they matter while MNIST still dominates (so the model does not forget MNIST), the check that
 * a start model fits the configured layers, and the accuracy on the drawings measured after every epoch with
 * the plain-JavaScript forward pass (the same one the app predicts with, not the training engine).
 */
import type { LayerModel } from '../api/layer-model';
import { INPUT_SIZE, describeLayers, mlpSpec, type ModelSpec } from '../api/model-spec';
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

/** Why a model cannot be the start of a run with these settings, or null when its layers match them. */
export function startModelProblem(config: TrainConfig, spec: ModelSpec): string | null {
  const wanted = mlpSpec(config.hiddenUnits, config.activation);
  if (describeLayers(spec) === describeLayers(wanted)) return null;
  return `its layers are ${describeLayers(spec)} but the settings ask for ${describeLayers(wanted)}: set the hidden layer sizes and activation to match the model`;
}
