/**
 * Fine-tuning and the user's drawings in training: how the drawings are mixed into MNIST, the start model's
 * layer check, and the fit loop's hooks (start weights before the first step, accuracy on the drawings after
 * every epoch and at the end).
 */
import { describe, expect, it } from 'vitest';
import { cnnLayers, KERAS_CNN, runLayers } from '../../../src/core/api/architecture';
import { denseLayers, type LayerSpec } from '../../../src/core/api/layer-model';
import { mlpSpec, type DenseWeights, type HiddenActivation } from '../../../src/core/api/model-spec';
import { CNN, RECOMMENDED } from '../../../src/core/api/train-config';
import type { TrainingEvent } from '../../../src/core/api/training-events';
import type { DigitSet } from '../../../src/core/dataset';
import { mixUserSamples, startModelProblem, userAccuracy, userRepeats } from '../../../src/core/training/fine-tune';
import { fitLoop, type Stepper } from '../../../src/core/training/fit-loop';
import { identityOrder } from '../../../src/core/training/training-data';

/** n one-pixel images: image i has value `base + i` in its first pixel. */
function set(n: number, base: number, label: (i: number) => number): DigitSet {
  const pixels = new Uint8Array(n * 784);
  for (let i = 0; i < n; i++) pixels[i * 784] = base + i;
  return { count: n, rows: 28, cols: 28, pixels, labels: Uint8Array.from({ length: n }, (_, i) => label(i)) };
}

describe('mixing the drawings into MNIST', () => {
  it('repeats them up to a 5 % share of the images, at least once, at most 50 times', () => {
    expect(userRepeats(48_000, 100)).toBe(25); // 2,500 of 50,500 images ≈ 4.95 %
    expect(userRepeats(48_000, 10)).toBe(50); // capped: 500 of 48,500
    expect(userRepeats(48_000, 1_000)).toBe(2);
    expect(userRepeats(800, 1_000)).toBe(1);
  });

  it('appends them after the MNIST images, whole, as many times as repeated', () => {
    const mnist = set(190, 0, () => 1);
    const user = set(2, 200, (i) => 7 + i);
    const mixed = mixUserSamples(mnist, user);
    // 0.05 × 190 / (0.95 × 2) = 5 repeats → 190 + 10
    expect(mixed.count).toBe(200);
    expect(Array.from(mixed.labels.subarray(188))).toEqual([1, 1, 7, 8, 7, 8, 7, 8, 7, 8, 7, 8]);
    expect([0, 189, 190, 191, 198, 199].map((i) => mixed.pixels[i * 784])).toEqual([0, 189, 200, 201, 200, 201]);
    expect(mixed.pixels.length).toBe(200 * 784);
  });
});

describe('the start model', () => {
  const mlp = (hiddenUnits: number[], activation: HiddenActivation = 'relu') => denseLayers(mlpSpec(hiddenUnits, activation));

  it('must have the layers the settings ask for', () => {
    expect(startModelProblem(RECOMMENDED, mlp([128, 128]))).toBeNull();
    expect(startModelProblem(RECOMMENDED, mlp([64]))).toBe(
      'its layers are 784 → 64 relu → 10 softmax but the settings ask for 784 → 128 relu → 128 relu → 10 softmax: set the hidden layer sizes and activation to match the model',
    );
    expect(startModelProblem(RECOMMENDED, mlp([128, 128], 'tanh'))).toMatch(/^its layers are 784 → 128 tanh → 128 tanh/);
  });

  it("a CNN: the settings' Conv2D, pooling, Dense and Dropout layers, whatever the model's input layout", () => {
    expect(startModelProblem(CNN, cnnLayers(KERAS_CNN))).toBeNull();
    // Keras' flat-input variant: InputLayer(784) → Reshape(28, 28, 1) → the same layers, so the same weights.
    const flat: LayerSpec[] = [{ type: 'InputLayer', name: 'input', shape: [784] }, { type: 'Reshape', name: 'reshape', targetShape: [28, 28, 1] }, ...cnnLayers(KERAS_CNN).slice(1)];
    expect(startModelProblem(CNN, flat)).toBeNull();
    expect(startModelProblem(CNN, cnnLayers({ ...KERAS_CNN, filters: [16, 32], dropout: 0.25 }))).toBe(
      'its layers are Conv2D 16 3×3 relu → MaxPooling2D 2×2 → Conv2D 32 3×3 relu → MaxPooling2D 2×2 → Flatten → Dropout 0.25 → Dense 10 softmax ' +
        'but the settings ask for Conv2D 32 3×3 relu → MaxPooling2D 2×2 → Conv2D 64 3×3 relu → MaxPooling2D 2×2 → Flatten → Dropout 0.5 → Dense 10 softmax: ' +
        'set its filters, kernel size, dense units, dropout and activation to match the model',
    );
    expect(startModelProblem(RECOMMENDED, cnnLayers(KERAS_CNN))).toMatch(/: choose a CNN and set its filters, kernel size, dense units, dropout and activation to match the model$/);
    expect(startModelProblem(CNN, mlp([128, 128]))).toMatch(/^its layers are 784 → 128 relu → 128 relu → 10 softmax but .*: choose an MLP and set the hidden layer sizes and activation to match the model$/);
  });
});

/** A one-layer model (no hidden layer) that reads every image as `digit`: only that class's bias is positive. */
function constantModel(digit: number): DenseWeights[] {
  const bias = new Float32Array(10);
  bias[digit] = 5;
  return [{ kernel: new Float32Array(7840), bias }];
}

describe('accuracy on the drawings', () => {
  it('is the share read right by the plain-JavaScript forward pass', () => {
    const user = set(4, 1, (i) => [3, 3, 3, 5][i]);
    const score = userAccuracy(user);
    expect(score({ layers: runLayers({ hiddenUnits: [], activation: 'relu' }), weights: constantModel(3) })).toBe(0.75);
    expect(score({ layers: runLayers({ hiddenUnits: [], activation: 'relu' }), weights: constantModel(5) })).toBe(0.25);
  });
});

describe('fit loop hooks', () => {
  it('sets the start weights before the first step and reports user_accuracy after every epoch and at the end', async () => {
    const train = set(8, 0, () => 0);
    const calls: string[] = [];
    let weights: DenseWeights[] = constantModel(0);
    const stepper: Stepper = {
      order: identityOrder(train.count),
      step: () => (calls.push('step'), { loss: 1, correct: 0 }),
      evaluate: () => ({ loss: 1, accuracy: 0 }),
      getWeights: () => weights,
      setWeights: (w) => (calls.push('setWeights'), (weights = w)),
      replaceTrainPixels: () => undefined,
    };
    const events: TrainingEvent[] = [];
    const scored: number[] = [];
    const start = constantModel(4);
    const config = { ...RECOMMENDED, epochs: 2, batchSize: 4, validationSplit: 0 };
    await fitLoop('cpu', config, runLayers({ hiddenUnits: [], activation: 'relu' }), { train, validation: null, test: train }, stepper, {
      emit: (e) => events.push(e),
      shouldStop: () => false,
      initialWeights: start,
      userAccuracy: (model) => (scored.push(model.weights[0].bias[4]), 0.5 + scored.length / 10),
    });
    expect(calls).toEqual(['setWeights', 'step', 'step', 'step', 'step']);
    expect(scored).toEqual([5, 5, 5]); // each scored model has the start weights (this stepper does not change them)
    const reported = events.filter((e) => e.event === 'epoch' || e.event === 'done').map((e) => [e.event, 'user_accuracy' in e ? e.user_accuracy : null]);
    expect(reported).toEqual([['epoch', 0.6], ['epoch', 0.7], ['done', 0.8]]);
  });

  it('leaves the events as they were without the hooks', async () => {
    const train = set(4, 0, () => 0);
    const events: TrainingEvent[] = [];
    const stepper: Stepper = {
      order: identityOrder(4),
      step: () => ({ loss: 1, correct: 0 }),
      evaluate: () => ({ loss: 1, accuracy: 0 }),
      getWeights: () => constantModel(0),
      setWeights: () => expect.unreachable('no start weights were given'),
      replaceTrainPixels: () => undefined,
    };
    await fitLoop('cpu', { ...RECOMMENDED, epochs: 1, validationSplit: 0 }, runLayers({ hiddenUnits: [], activation: 'relu' }), { train, validation: null, test: train }, stepper, { emit: (e) => events.push(e), shouldStop: () => false });
    expect(events.some((e) => 'user_accuracy' in e)).toBe(false);
  });
});
