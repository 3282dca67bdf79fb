/**
 * Plain-JavaScript forward pass over a TrainedModel. Independent of any training backend, so a model
 * behaves the same wherever it is loaded (CLI, app, browser renderer).
 */
import { layerShapes, type Activation, type TrainedModel } from '../api/model-spec';

function activate(values: Float32Array, activation: Activation): void {
  switch (activation) {
    case 'relu':
      for (let i = 0; i < values.length; i++) if (values[i] < 0) values[i] = 0;
      return;
    case 'sigmoid':
      for (let i = 0; i < values.length; i++) values[i] = 1 / (1 + Math.exp(-values[i]));
      return;
    case 'tanh':
      for (let i = 0; i < values.length; i++) values[i] = Math.tanh(values[i]);
      return;
    case 'linear':
      return;
    case 'softmax': {
      let max = -Infinity;
      for (const v of values) max = Math.max(max, v);
      let sum = 0;
      for (let i = 0; i < values.length; i++) {
        values[i] = Math.exp(values[i] - max);
        sum += values[i];
      }
      for (let i = 0; i < values.length; i++) values[i] /= sum;
      return;
    }
  }
}

/** Reusable predictor: allocates its layer buffers once. */
export function createPredictor(model: TrainedModel): (input: ArrayLike<number>) => Float32Array {
  const shapes = layerShapes(model.spec);
  const buffers = shapes.map(([, units]) => new Float32Array(units));
  return (input) => {
    let current: ArrayLike<number> = input;
    shapes.forEach(([inputs, units], l) => {
      const { kernel, bias } = model.weights[l];
      const out = buffers[l];
      out.set(bias);
      for (let i = 0; i < inputs; i++) {
        const v = current[i];
        if (v === 0) continue;
        const row = i * units;
        for (let j = 0; j < units; j++) out[j] += v * kernel[row + j];
      }
      activate(out, model.spec.layers[l].activation);
      current = out;
    });
    return Float32Array.from(current);
  };
}

export function argMax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}
