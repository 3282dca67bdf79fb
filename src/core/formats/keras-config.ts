/**
 * Reads a Keras model config (the JSON in a TF.js model.json "modelTopology" or an .h5 "model_config") into
 * the Dense stack Digit Studio runs. Accepts Sequential and linear Functional models made of InputLayer,
 * Flatten, Dropout, Activation and Dense layers; anything else is refused with the layer type named.
 */
import { INPUT_SIZE, NUM_CLASSES, type Activation, type DenseLayerSpec } from '../model/spec';

const SUPPORTED_ACTIVATIONS: readonly Activation[] = ['relu', 'sigmoid', 'tanh', 'linear', 'softmax'];
const PASS_THROUGH = new Set(['InputLayer', 'Flatten', 'Dropout']);

interface KerasLayer {
  class_name?: unknown;
  config?: Record<string, unknown>;
}

function layerList(topology: unknown): KerasLayer[] {
  const root = (topology as { model_config?: unknown })?.model_config ?? topology;
  const config = (root as { config?: unknown })?.config;
  // Keras 2.0 wrote a Sequential's config as a bare list of layers; later versions as { layers: [...] }.
  const layers = Array.isArray(config) ? config : (config as { layers?: unknown })?.layers;
  if (!Array.isArray(layers) || layers.length === 0) throw new Error('the model config holds no layers (is this a Keras model?)');
  return layers as KerasLayer[];
}

function declaredInputSize(config: Record<string, unknown>): number | null {
  const shape = config.batch_input_shape ?? config.batchInputShape ?? config.batch_shape;
  if (!Array.isArray(shape)) return null;
  const dims = shape.slice(1).map(Number);
  if (dims.some((d) => !Number.isInteger(d) || d <= 0)) return null;
  return dims.reduce((a, b) => a * b, 1);
}

function activationOf(name: unknown, layer: string): Activation {
  const value = typeof name === 'string' ? name : (name as { class_name?: unknown; config?: { name?: unknown } })?.config?.name;
  if (typeof value === 'string' && (SUPPORTED_ACTIVATIONS as readonly string[]).includes(value)) return value as Activation;
  throw new Error(`layer ${layer}: activation ${JSON.stringify(value)} is not supported (supported: ${SUPPORTED_ACTIVATIONS.join(', ')})`);
}

export function denseLayersFromKerasConfig(topology: unknown): { inputSize: number; layers: DenseLayerSpec[] } {
  const layers: DenseLayerSpec[] = [];
  let inputSize: number | null = null;
  for (const layer of layerList(topology)) {
    const className = String(layer.class_name);
    const config = layer.config ?? {};
    const name = String(config.name ?? className);
    if (inputSize === null) inputSize = declaredInputSize(config);
    if (PASS_THROUGH.has(className)) continue;
    if (className === 'Activation') {
      if (layers.length === 0) throw new Error(`layer ${name}: an Activation layer before the first Dense layer is not supported`);
      if (layers[layers.length - 1].activation !== 'linear') throw new Error(`layer ${name}: two activations in a row are not supported`);
      layers[layers.length - 1].activation = activationOf(config.activation, name);
      continue;
    }
    if (className !== 'Dense') throw new Error(`layer ${name} is a ${className}; Digit Studio runs Dense networks only (InputLayer, Flatten, Dense, Activation, Dropout)`);
    if (config.use_bias === false) throw new Error(`layer ${name}: Dense without bias is not supported`);
    const units = Number(config.units);
    if (!Number.isInteger(units) || units < 1 || units > 65_536) throw new Error(`layer ${name}: invalid units ${JSON.stringify(config.units)}`);
    layers.push({ units, activation: activationOf(config.activation ?? 'linear', name) });
  }
  if (layers.length === 0) throw new Error('the model has no Dense layers');
  const resolvedInput = inputSize ?? INPUT_SIZE;
  if (resolvedInput !== INPUT_SIZE) throw new Error(`the model takes ${resolvedInput} inputs; a digit model takes 784 (28x28)`);
  const last = layers[layers.length - 1];
  if (last.units !== NUM_CLASSES || last.activation !== 'softmax') {
    throw new Error(`the last layer must be Dense(10, softmax) for digits; found Dense(${last.units}, ${last.activation})`);
  }
  return { inputSize: resolvedInput, layers };
}
