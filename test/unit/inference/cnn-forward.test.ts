import { describe, expect, it } from 'vitest';
import { summarizeLayers, type LayerModel, type LayerSpec } from '../../../src/core/api/layer-model';
import { kerasLayerList } from '../../../src/core/formats/keras-config';
import { createPredictor } from '../../../src/core/inference';

/** A Keras 3 Sequential config of `layers` (each [class_name, config]) after Input(batchShape). */
function keras3(batchShape: Array<number | null>, layers: Array<[string, Record<string, unknown>]>): unknown {
  return {
    class_name: 'Sequential',
    config: { name: 'sequential', layers: [{ class_name: 'InputLayer', config: { batch_shape: batchShape, name: 'input_layer' } }, ...layers.map(([class_name, config]) => ({ class_name, config }))] },
  };
}

const KERAS_IO_CNN = keras3(
  [null, 28, 28, 1],
  [
    ['Conv2D', { name: 'conv2d', filters: 32, kernel_size: [3, 3], strides: [1, 1], padding: 'valid', data_format: 'channels_last', dilation_rate: [1, 1], groups: 1, activation: 'relu', use_bias: true }],
    ['MaxPooling2D', { name: 'max_pooling2d', pool_size: [2, 2], strides: [2, 2], padding: 'valid', data_format: 'channels_last' }],
    ['Conv2D', { name: 'conv2d_1', filters: 64, kernel_size: [3, 3], activation: 'relu' }],
    ['MaxPooling2D', { name: 'max_pooling2d_1', pool_size: [2, 2], strides: null }],
    ['Flatten', { name: 'flatten', data_format: 'channels_last' }],
    ['Dropout', { name: 'dropout', rate: 0.5 }],
    ['Dense', { name: 'dense', units: 10, activation: 'softmax' }],
  ],
);

describe('the layer list', () => {
  it("gives keras.io's mnist_convnet Keras' output shapes and 34,826 parameters", () => {
    const rows = summarizeLayers(kerasLayerList(KERAS_IO_CNN));
    expect(rows.map((r) => [r.layer.name, r.outputShape, r.params])).toEqual([
      ['input_layer', [28, 28, 1], 0],
      ['conv2d', [26, 26, 32], 320],
      ['max_pooling2d', [13, 13, 32], 0],
      ['conv2d_1', [11, 11, 64], 18_496],
      ['max_pooling2d_1', [5, 5, 64], 0],
      ['flatten', [1600], 0],
      ['dropout', [1600], 0],
      ['dense', [10], 16_010],
    ]);
    expect(rows.reduce((sum, r) => sum + r.params, 0)).toBe(34_826);
  });

  it('reads tf.keras 2.x (batch_input_shape on the first Conv2D, no InputLayer) and Keras 3 Functional configs', () => {
    const tf2 = { class_name: 'Sequential', config: { name: 'sequential', layers: [{ class_name: 'Conv2D', config: { name: 'conv2d', batch_input_shape: [null, 28, 28, 1], filters: 4, kernel_size: [5, 5], padding: 'same', activation: 'tanh' } }, { class_name: 'AveragePooling2D', config: { name: 'average_pooling2d', pool_size: [3, 3], strides: [2, 2], padding: 'same' } }, { class_name: 'Flatten', config: { name: 'flatten' } }, { class_name: 'Dense', config: { name: 'dense', units: 10, activation: 'linear' } }, { class_name: 'Activation', config: { name: 'activation', activation: 'softmax' } }] } };
    expect(summarizeLayers(kerasLayerList(tf2)).map((r) => [r.layer.type, r.outputShape, r.params])).toEqual([
      ['InputLayer', [28, 28, 1], 0],
      ['Conv2D', [28, 28, 4], 104],
      ['AveragePooling2D', [14, 14, 4], 0],
      ['Flatten', [784], 0],
      ['Dense', [10], 7850],
      ['Activation', [10], 0],
    ]);
    const history = (layer: string): unknown => [{ args: [{ class_name: '__keras_tensor__', config: { keras_history: [layer, 0, 0] } }], kwargs: {} }];
    const functional = {
      class_name: 'Functional',
      config: {
        name: 'functional',
        layers: [
          { class_name: 'InputLayer', name: 'input_layer', config: { batch_shape: [null, 784], name: 'input_layer' }, inbound_nodes: [] },
          { class_name: 'Reshape', name: 'reshape', config: { name: 'reshape', target_shape: [28, 28, 1] }, inbound_nodes: history('input_layer') },
          { class_name: 'Conv2D', name: 'conv2d', config: { name: 'conv2d', filters: 8, kernel_size: [3, 3], activation: 'relu' }, inbound_nodes: history('reshape') },
          { class_name: 'MaxPooling2D', name: 'max_pooling2d', config: { name: 'max_pooling2d', pool_size: [3, 3], strides: [3, 3] }, inbound_nodes: history('conv2d') },
          { class_name: 'Flatten', name: 'flatten', config: { name: 'flatten' }, inbound_nodes: history('max_pooling2d') },
          { class_name: 'Dense', name: 'dense', config: { name: 'dense', units: 10, activation: 'softmax' }, inbound_nodes: history('flatten') },
        ],
      },
    };
    expect(summarizeLayers(kerasLayerList(functional)).map((r) => r.outputShape)).toEqual([[784], [28, 28, 1], [26, 26, 8], [8, 8, 8], [512], [10]]);
  });

  it.each([
    [['LayerNormalization', { name: 'layer_normalization' }], /^layer layer_normalization is a LayerNormalization, which Digit Studio does not support \(it reads InputLayer, Reshape, Conv2D/],
    [['Conv2D', { name: 'conv2d', filters: 8, kernel_size: [3, 3], strides: [2, 2] }], /^layer conv2d: Conv2D strides \[2,2\] are not supported \(only 1\)$/],
    [['Conv2D', { name: 'conv2d', filters: 8, kernel_size: [3, 3], data_format: 'channels_first' }], /^layer conv2d: data_format "channels_first" is not supported/],
    [['MaxPooling2D', { name: 'pool', pool_size: [2, 2], padding: 'causal' }], /^layer pool: padding "causal" is not supported/],
  ])('refuses %j in one line naming the layer', (layer, message) => {
    expect(() => kerasLayerList(keras3([null, 28, 28, 1], [layer as [string, Record<string, unknown>]]))).toThrow(message);
  });

  it('checks shapes: a Conv2D on a flat input, a Dense on an image, a wrong output', () => {
    const conv = ['Conv2D', { name: 'conv2d', filters: 8, kernel_size: 3 }] as [string, Record<string, unknown>];
    const dense = ['Dense', { name: 'dense', units: 10, activation: 'softmax' }] as [string, Record<string, unknown>];
    expect(() => summarizeLayers(kerasLayerList(keras3([null, 784], [conv, ['Flatten', { name: 'f' }], dense])))).toThrow(/^layer conv2d: a Conv2D needs a \[height, width, channels\] input; it gets \[784\] \(add a Reshape\)$/);
    expect(() => summarizeLayers(kerasLayerList(keras3([null, 28, 28, 1], [conv, dense])))).toThrow(/^layer dense: a Dense layer on a \[26, 26, 8\] input is not supported \(add a Flatten before it\)$/);
    expect(() => summarizeLayers(kerasLayerList(keras3([null, 28, 28, 1], [conv, ['Flatten', { name: 'f' }], ['Dense', { name: 'd', units: 10, activation: 'relu' }]])))).toThrow(/must end in 10 softmax outputs/);
  });
});

describe('the forward pass', () => {
  /**
   * 784 inputs → Reshape 28x28x1 → `middle` → Flatten → Dense(10, softmax) whose kernel picks 10 flattened values
   * (weight 1): log p[i] - log p[0] is then picked[i] - picked[0], so the test sees the values inside the network.
   */
  function probe(middle: LayerSpec[], middleWeights: LayerModel['weights'], flatSize: number, picks: number[]): (image: Float32Array) => number[] {
    const kernel = new Float32Array(flatSize * 10);
    picks.forEach((index, unit) => (kernel[index * 10 + unit] = 1));
    const layers: LayerSpec[] = [
      { type: 'InputLayer', name: 'in', shape: [784] },
      { type: 'Reshape', name: 'r', targetShape: [28, 28, 1] },
      ...middle,
      { type: 'Flatten', name: 'f' },
      { type: 'Dense', name: 'd', units: 10, activation: 'softmax' },
    ];
    const predict = createPredictor({ layers, weights: [...middleWeights, { kernel, bias: new Float32Array(10) }] });
    return (image) => {
      const p = predict(image);
      return Array.from(p, (v) => Math.log(v) - Math.log(p[0]));
    };
  }
  const image = Float32Array.from({ length: 784 }, (_, i) => ((i * 7919) % 97) / 97);
  const at = (y: number, x: number): number => image[y * 28 + x];
  const close = (values: number[], expected: number[]): void => values.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 4));

  it("Conv2D 'same' pads by (k-1)/2 on each side; two filters come out interleaved (channels_last), kernel [kh, kw, in, out]", () => {
    // Filter 0 sums its 3x3 window; filter 1 takes only the window's top-left tap, plus a bias of 0.5.
    const kernel = new Float32Array(3 * 3 * 1 * 2);
    for (let t = 0; t < 9; t++) kernel[t * 2] = 1;
    kernel[1] = 1;
    const conv: LayerSpec = { type: 'Conv2D', name: 'c', filters: 2, kernelSize: [3, 3], padding: 'same', activation: 'linear' };
    // Flattened index of (y, x, channel) is (y * 28 + x) * 2 + channel.
    const idx = (y: number, x: number, c: number): number => (y * 28 + x) * 2 + c;
    const picks = [idx(0, 0, 0), idx(0, 0, 1), idx(5, 7, 0), idx(5, 7, 1), idx(27, 27, 0), idx(1, 1, 1), 0, 0, 0, 0];
    const values = probe([conv], [{ kernel, bias: Float32Array.of(0, 0.5) }], 28 * 28 * 2, picks)(image);
    const sum = (y: number, x: number): number => [-1, 0, 1].flatMap((dy) => [-1, 0, 1].map((dx) => (y + dy >= 0 && y + dy < 28 && x + dx >= 0 && x + dx < 28 ? at(y + dy, x + dx) : 0))).reduce((a, b) => a + b, 0);
    const picked = [sum(0, 0), 0.5, sum(5, 7), at(4, 6) + 0.5, sum(27, 27), at(0, 0) + 0.5, sum(0, 0), sum(0, 0), sum(0, 0), sum(0, 0)];
    close(values, picked.map((v) => v - picked[0]));
  });

  it("MaxPooling2D 3x3 stride 2 'valid' and AveragePooling2D 2x2 'same' (counting only the values inside)", () => {
    const max: LayerSpec = { type: 'MaxPooling2D', name: 'm', poolSize: [3, 3], strides: [2, 2], padding: 'valid' };
    expect(summarizeLayers([{ type: 'InputLayer', name: 'in', shape: [28, 28, 1] }, max, { type: 'Flatten', name: 'f' }, { type: 'Dense', name: 'd', units: 10, activation: 'softmax' }])[1].outputShape).toEqual([13, 13, 1]);
    const windowMax = (y: number, x: number): number => Math.max(...[0, 1, 2].flatMap((dy) => [0, 1, 2].map((dx) => at(2 * y + dy, 2 * x + dx))));
    const maxValues = probe([max], [], 169, [0, 1, 14, 168, 100, 5, 6, 7, 8, 9])(image);
    const maxPicked = [[0, 0], [0, 1], [1, 1], [12, 12], [7, 9], [0, 5], [0, 6], [0, 7], [0, 8], [0, 9]].map(([y, x]) => windowMax(y, x));
    close(maxValues, maxPicked.map((v) => v - maxPicked[0]));

    const avg: LayerSpec = { type: 'AveragePooling2D', name: 'a', poolSize: [3, 3], strides: [3, 3], padding: 'same' };
    // out = ceil(28 / 3) = 10; padding total = 9 * 3 + 3 - 28 = 2, one row/column before: windows start at -1, 2, ..., 26.
    const windowMean = (y: number, x: number): number => {
      const cells = [0, 1, 2].flatMap((dy) => [0, 1, 2].map((dx) => [3 * y - 1 + dy, 3 * x - 1 + dx])).filter(([r, c]) => r >= 0 && r < 28 && c >= 0 && c < 28);
      return cells.reduce((s, [r, c]) => s + at(r, c), 0) / cells.length;
    };
    const avgValues = probe([avg], [], 100, [0, 9, 90, 99, 55, 1, 2, 3, 4, 5])(image);
    const avgPicked = [[0, 0], [0, 9], [9, 0], [9, 9], [5, 5], [0, 1], [0, 2], [0, 3], [0, 4], [0, 5]].map(([y, x]) => windowMean(y, x));
    close(avgValues, avgPicked.map((v) => v - avgPicked[0]));
  });
});
