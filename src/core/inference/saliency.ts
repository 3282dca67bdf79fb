/**
 * Which input pixels pushed the prediction: gradient × input saliency over the 28×28 input, for the Network page.
 * The gradient is that of the predicted digit's logit (its score before the output softmax), not of its
 * probability: a confident prediction saturates the softmax (p ≈ 1, so dp/dz ≈ p(1 − p) ≈ 0), which would leave a
 * near-blank map exactly for the digits the model is surest of; the logit's gradient says what the evidence for
 * the digit rests on whatever the other digits' scores are.
 *
 * A backward pass in plain JavaScript over the same layers as forward.ts, reusing the forward values a
 * createActivationTracer call already computed (each computing layer's output), so the Network page pays for one
 * forward pass and this one backward pass per drawing, and the Draw page's predictor nothing.
 */
import { checkBatchNorm, paddingBefore, summarizeLayers, type LayerModel, type LayerSummary, type Padding, type PoolingLayerSpec } from '../api/layer-model';
import type { Activation, DenseWeights } from '../api/model-spec';
import { batchNormAffine } from './batch-norm';
import { argMax } from './forward';
import type { LayerActivation } from './layer-activations';
import { poolWindows } from './pool-windows';

export interface Saliency {
  /** The predicted digit, whose logit is differentiated. */
  digit: number;
  /** d logit / d input for each of the 784 inputs. */
  gradient: Float32Array;
  /** gradient × input: each pixel's first-order share of the logit; positive pushed towards the digit. */
  saliency: Float32Array;
}

/** The gradient over a layer's input from the gradient over its output (before its activation, if it has one). */
type Backward = (grad: Float64Array, input: Float32Array) => Float64Array;

/** Turns the gradient over an activation's output y into the gradient over its input, in place. */
function activationBackward(grad: Float64Array, y: Float32Array, activation: Activation): Float64Array {
  switch (activation) {
    case 'relu':
      for (let i = 0; i < grad.length; i++) if (y[i] <= 0) grad[i] = 0;
      return grad;
    case 'sigmoid':
      for (let i = 0; i < grad.length; i++) grad[i] *= y[i] * (1 - y[i]);
      return grad;
    case 'tanh':
      for (let i = 0; i < grad.length; i++) grad[i] *= 1 - y[i] * y[i];
      return grad;
    case 'linear':
      return grad;
    case 'softmax': {
      // d y_i / d z_j = y_i (δ_ij − y_j): the softmax's Jacobian applied to the gradient.
      let dot = 0;
      for (let i = 0; i < grad.length; i++) dot += grad[i] * y[i];
      for (let i = 0; i < grad.length; i++) grad[i] = y[i] * (grad[i] - dot);
      return grad;
    }
  }
}

/** Dense: the kernel [inputs, units] times the gradient over the units. */
function denseBackward(inputs: number, units: number, { kernel }: DenseWeights): Backward {
  return (grad) => {
    const out = new Float64Array(inputs);
    for (let i = 0; i < inputs; i++) {
      const row = i * units;
      let sum = 0;
      for (let j = 0; j < units; j++) sum += kernel[row + j] * grad[j];
      out[i] = sum;
    }
    return out;
  };
}

/**
 * Stride-1 Conv2D: each output's gradient spread back over its receptive field through the kernel [kh, kw, in, out].
 * Per output pixel only the channels with a gradient are visited: behind max pooling and relu most have none (in
 * the bundled CNN about nine in ten), which makes the pass several times faster.
 */
function conv2dBackward({ inputShape: [h, w, c], outputShape: [oh, ow, f], kernelShape }: LayerSummary, { kernel }: DenseWeights, padding: Padding): Backward {
  const [kh, kw] = kernelShape ?? [];
  const top = paddingBefore(h, kh, 1, padding);
  const left = paddingBefore(w, kw, 1, padding);
  const channels = new Int32Array(f);
  const grads = new Float64Array(f);
  return (grad) => {
    const out = new Float64Array(h * w * c);
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++) {
        const o = (oy * ow + ox) * f;
        let count = 0;
        for (let co = 0; co < f; co++) {
          if (grad[o + co] === 0) continue;
          channels[count] = co;
          grads[count++] = grad[o + co];
        }
        if (count === 0) continue;
        for (let ky = 0; ky < kh; ky++) {
          const y = oy + ky - top;
          if (y < 0 || y >= h) continue;
          for (let kx = 0; kx < kw; kx++) {
            const x = ox + kx - left;
            if (x < 0 || x >= w) continue;
            for (let ci = 0; ci < c; ci++) {
              const tap = ((ky * kw + kx) * c + ci) * f;
              let sum = 0;
              for (let k = 0; k < count; k++) sum += kernel[tap + channels[k]] * grads[k];
              out[(y * w + x) * c + ci] += sum;
            }
          }
        }
      }
    }
    return out;
  };
}

/**
 * Pooling: max pooling passes each output's gradient to the input that won its window (the first, on a tie, where
 * the gradient is not defined anyway); average pooling shares it equally among the window's inputs, a window cut by
 * 'same' padding counting only the inputs inside as the forward pass does.
 */
function poolBackward(row: LayerSummary, layer: PoolingLayerSpec): Backward {
  const [h, w, c] = row.inputShape;
  const [oh, ow] = row.outputShape;
  const max = layer.type === 'MaxPooling2D';
  const windows = poolWindows(row, layer);
  return (grad, input) => {
    const out = new Float64Array(h * w * c);
    for (let oy = 0; oy < oh; oy++) {
      const y0 = windows.y0[oy];
      const y1 = windows.y1[oy];
      for (let ox = 0; ox < ow; ox++) {
        const x0 = windows.x0[ox];
        const x1 = windows.x1[ox];
        for (let ch = 0; ch < c; ch++) {
          const g = grad[(oy * ow + ox) * c + ch];
          if (max) {
            let best = (y0 * w + x0) * c + ch;
            for (let y = y0; y < y1; y++) {
              for (let x = x0; x < x1; x++) {
                const i = (y * w + x) * c + ch;
                if (input[i] > input[best]) best = i;
              }
            }
            out[best] += g;
          } else {
            const share = g / ((y1 - y0) * (x1 - x0));
            for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) out[(y * w + x) * c + ch] += share;
          }
        }
      }
    }
    return out;
  };
}

/** BatchNormalization at inference, y = x · scale + shift per channel: the gradient times the scale. */
function scaleBackward(scale: Float32Array): Backward {
  return (grad) => grad.map((g, i) => g * scale[i % scale.length]);
}

const identity: Backward = (grad) => grad;

interface LayerBackward {
  name: string;
  /** The activation the layer ends in (Conv2D, Dense, Activation). */
  activation: Activation | null;
  backward: Backward;
}

function layerBackwards(model: LayerModel): LayerBackward[] {
  let weighted = 0;
  let normalized = 0;
  const rows = summarizeLayers(model.layers);
  checkBatchNorm(rows, model.batchNorm);
  return rows.map((row): LayerBackward => {
    const { layer, inputShape } = row;
    const name = layer.name;
    switch (layer.type) {
      case 'Conv2D':
        return { name, activation: layer.activation, backward: conv2dBackward(row, model.weights[weighted++], layer.padding) };
      case 'Dense':
        return { name, activation: layer.activation, backward: denseBackward(inputShape[0], layer.units, model.weights[weighted++]) };
      case 'Activation':
        return { name, activation: layer.activation, backward: identity };
      case 'MaxPooling2D':
      case 'AveragePooling2D':
        return { name, activation: null, backward: poolBackward(row, layer) };
      case 'BatchNormalization': {
        // checkBatchNorm made sure there is one set of weights per BatchNormalization layer.
        const { scale } = batchNormAffine(model.batchNorm![normalized++], layer.epsilon);
        return { name, activation: null, backward: scaleBackward(scale) };
      }
      default:
        return { name, activation: null, backward: identity }; // InputLayer, Reshape, Flatten, Dropout: the same values
    }
  });
}

/**
 * A function from the 784 input values and what createActivationTracer(model) made of them to the predicted digit's
 * saliency, one layer's backward pass per iteration (the page spreads them over animation frames, as it does the
 * tracing). Checks the layers once; each call allocates its gradients afresh (it runs once per drawing).
 */
export function createSaliency(model: LayerModel): (input: ArrayLike<number>, activations: readonly LayerActivation[]) => Generator<void, Saliency> {
  const layers = layerBackwards(model);
  // summarizeLayers made sure the model ends in softmax: the last layer with an activation applies it.
  const output = layers.findLastIndex((layer) => layer.activation !== null);
  return function* explain(input, activations) {
    const outputs = new Map(activations.map((layer) => [layer.name, layer.values]));
    // Each layer's input and output; a layer that only passes values on (Flatten, ...) has no output of its own.
    let current: Float32Array = Float32Array.from(input);
    const flows = layers.map(({ name }) => {
      const flow = { input: current, output: outputs.get(name) ?? current };
      current = flow.output;
      return flow;
    });
    const digit = argMax(current);
    // The gradient over the output layer's logits, before its softmax: one for the predicted digit.
    let grad: Float64Array = new Float64Array(current.length);
    grad[digit] = 1;
    for (let i = output; i >= 0; i--) {
      const { activation, backward } = layers[i];
      if (activation && i !== output) grad = activationBackward(grad, flows[i].output, activation);
      grad = backward(grad, flows[i].input);
      yield;
    }
    const gradient = Float32Array.from(grad);
    return { digit, gradient, saliency: gradient.map((g, i) => g * flows[0].input[i]) };
  };
}
