/**
 * An optimizer's state in the model's own weight layout, so that a run can go on where an earlier one ended, on
 * any backend: Keras' `iterations` (the steps taken) and, per state slot, one kernel + bias per Conv2D or Dense
 * layer. The slots are tf.train's, in its order: Adam's first then second moments, momentum's velocities, none for
 * SGD. Kept with a library model so that "continue for N more epochs" resumes the optimizer, not just the weights.
 */
import type { DenseWeights, OptimizerName } from '../api/model-spec';

export interface OptimizerState {
  optimizer: OptimizerName;
  iterations: number;
  slots: DenseWeights[][];
}

/** Where a run goes on from: the epochs already trained, and the optimizer as it was when they ended. */
export interface ContinueFrom {
  epochs: number;
  optimizer: OptimizerState;
}

/** State arrays per parameter, by optimizer. */
export const STATE_SLOTS: Record<OptimizerName, number> = { sgd: 0, momentum: 1, adam: 2 };

/** A fresh optimizer's state for these weights: no steps, zero moments. */
export function emptyOptimizerState(optimizer: OptimizerName, weights: readonly DenseWeights[]): OptimizerState {
  const zeros = () => weights.map((w) => ({ kernel: new Float32Array(w.kernel.length), bias: new Float32Array(w.bias.length) }));
  return { optimizer, iterations: 0, slots: Array.from({ length: STATE_SLOTS[optimizer] }, zeros) };
}

/** Why a state cannot drive this optimizer over these weights, or null when it fits them. */
export function optimizerStateProblem(state: OptimizerState, optimizer: OptimizerName, weights: readonly DenseWeights[]): string | null {
  if (state.optimizer !== optimizer) return `its optimizer state is ${state.optimizer}'s, not ${optimizer}'s`;
  if (!Number.isInteger(state.iterations) || state.iterations < 0) return `its optimizer state counts ${state.iterations} steps`;
  if (state.slots.length !== STATE_SLOTS[optimizer]) return `its optimizer state has ${state.slots.length} arrays per weight, ${optimizer} keeps ${STATE_SLOTS[optimizer]}`;
  const fits = state.slots.every((slot) => slot.length === weights.length && slot.every((s, i) => s.kernel.length === weights[i].kernel.length && s.bias.length === weights[i].bias.length));
  return fits ? null : 'its optimizer state does not match the shapes of its weights';
}
