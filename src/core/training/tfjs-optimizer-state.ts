/**
 * A tfjs optimizer's state as an OptimizerState and back. tf.train's getWeights() gives `iter`, then per state slot
 * one array per trainable variable in the model's order: kernel, bias of each Conv2D or Dense layer, the order of
 * the model's weights. Before its first step an optimizer has no arrays yet: its state is the zero one.
 */
import type { LayersModel, Tensor } from '@tensorflow/tfjs';
import type { DenseWeights, OptimizerName } from '../api/model-spec';
import type { Tf } from '../tfjs/load';
import { emptyOptimizerState, optimizerStateProblem, STATE_SLOTS, type OptimizerState } from './optimizer-state';

export async function readTfOptimizerState(model: LayersModel, optimizer: OptimizerName, weights: readonly DenseWeights[]): Promise<OptimizerState> {
  const [iter, ...arrays] = await model.optimizer.getWeights();
  const iterations = (await iter.tensor.data())[0];
  iter.tensor.dispose();
  if (arrays.length === 0) return { ...emptyOptimizerState(optimizer, weights), iterations };
  const values = await Promise.all(arrays.map(async (a) => Float32Array.from(await a.tensor.data())));
  const perSlot = 2 * weights.length;
  const slots = Array.from({ length: STATE_SLOTS[optimizer] }, (_, k) => weights.map((_, i) => ({ kernel: values[k * perSlot + 2 * i], bias: values[k * perSlot + 2 * i + 1] })));
  return { optimizer, iterations, slots };
}

export async function writeTfOptimizerState(tf: Tf, model: LayersModel, state: OptimizerState, weights: readonly DenseWeights[]): Promise<void> {
  const problem = optimizerStateProblem(state, state.optimizer, weights);
  if (problem) throw new Error(`cannot go on from that optimizer state: ${problem}`);
  const variables = model.trainableWeights;
  const named: Array<{ name: string; tensor: Tensor }> = [{ name: 'iter', tensor: tf.scalar(state.iterations, 'int32') }];
  state.slots.forEach((slot, k) =>
    slot.forEach((w, i) => {
      const [kernel, bias] = [variables[2 * i], variables[2 * i + 1]];
      named.push({ name: `${kernel.originalName}/slot${k}`, tensor: tf.tensor(w.kernel, kernel.shape as number[]) }, { name: `${bias.originalName}/slot${k}`, tensor: tf.tensor(w.bias, bias.shape as number[]) });
    }),
  );
  await model.optimizer.setWeights(named);
  tf.dispose(named.map((n) => n.tensor));
}
