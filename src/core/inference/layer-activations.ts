/**
 * What every layer computes for one input, for the Network page's view of a drawing: each computing layer's output
 * (Conv2D, pooling, Dense, Activation, BatchNormalization) with its shape. A tracer of its own, apart from the Draw
 * page's predictor, so looking inside never costs the prediction anything; it copies each layer's output because
 * the steps reuse their buffers. It computes one layer per iteration, so that the page can spread the layers over
 * animation frames: the first drawing's layers run before the JIT has compiled them, tens of ms for a conv layer.
 */
import type { LayerModel, LayerSpec, Shape } from '../api/layer-model';
import { INPUT_SIZE } from '../api/model-spec';
import { createLayerSteps } from './forward';

export interface LayerActivation {
  name: string;
  type: LayerSpec['type'];
  /** Without the batch dimension: [26, 26, 32] (channels last), [128]. */
  shape: Shape;
  values: Float32Array;
}

/** A function from the 784 input values to every computing layer's output, in layer order, one layer per iteration. */
export function createActivationTracer(model: LayerModel): (input: ArrayLike<number>) => Generator<LayerActivation, void> {
  const steps = createLayerSteps(model);
  const buffer = new Float32Array(INPUT_SIZE);
  return function* trace(input) {
    buffer.set(input);
    let current: Float32Array = buffer;
    for (const { row, run } of steps) {
      current = run(current);
      yield { name: row.layer.name, type: row.layer.type, shape: row.outputShape, values: Float32Array.from(current) };
    }
  };
}
