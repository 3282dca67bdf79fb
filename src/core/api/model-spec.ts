/**
 * The network Digit Studio trains: a stack of Dense layers on the flattened 28x28 image, ending in a
 * 10-way softmax. Weights use the Keras layout (kernel [inputs, units] row-major, bias [units]) so every
 * engine, file format and evaluator reads them the same way.
 */
export const INPUT_SIZE = 784;
export const NUM_CLASSES = 10;

export const HIDDEN_ACTIVATIONS = ['relu', 'sigmoid', 'tanh', 'linear'] as const;
export type HiddenActivation = (typeof HIDDEN_ACTIVATIONS)[number];
export type Activation = HiddenActivation | 'softmax';

export interface DenseLayerSpec {
  units: number;
  activation: Activation;
}

export interface ModelSpec {
  inputSize: number;
  layers: DenseLayerSpec[];
}

export interface DenseWeights {
  /** [inputs, units], row-major (Keras order). */
  kernel: Float32Array;
  bias: Float32Array;
}

/** How a model was compiled, kept with it so saved files can carry the real optimizer settings. */
export interface CompileInfo {
  optimizer: OptimizerName;
  learningRate: number;
  momentum?: number;
  loss: 'categorical_crossentropy';
}

export const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export interface TrainedModel {
  spec: ModelSpec;
  weights: DenseWeights[];
  compile?: CompileInfo;
}

/** Dense(h, activation) for each hidden size, then Dense(10, softmax). */
export function mlpSpec(hiddenUnits: readonly number[], activation: HiddenActivation = 'relu'): ModelSpec {
  return {
    inputSize: INPUT_SIZE,
    layers: [...hiddenUnits.map((units) => ({ units, activation })), { units: NUM_CLASSES, activation: 'softmax' }],
  };
}

/** Shape of each layer's kernel as [inputs, units]. */
export function layerShapes(spec: ModelSpec): Array<[number, number]> {
  let inputs = spec.inputSize;
  return spec.layers.map((layer) => {
    const shape: [number, number] = [inputs, layer.units];
    inputs = layer.units;
    return shape;
  });
}

/** The layers in words: "784 → 128 relu → 128 relu → 10 softmax". */
export function describeLayers(spec: ModelSpec): string {
  return [spec.inputSize, ...spec.layers.map((l) => `${l.units} ${l.activation}`)].join(' → ');
}

/** A model is only usable when every weight array has the size its spec implies. */
export function checkWeights(spec: ModelSpec, weights: readonly DenseWeights[]): void {
  const shapes = layerShapes(spec);
  if (weights.length !== shapes.length) {
    throw new Error(`model has ${shapes.length} layers but ${weights.length} weight sets`);
  }
  shapes.forEach(([inputs, units], i) => {
    if (weights[i].kernel.length !== inputs * units || weights[i].bias.length !== units) {
      throw new Error(`layer ${i + 1}: expected kernel ${inputs}x${units} and bias ${units}`);
    }
  });
}
