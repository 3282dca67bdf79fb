/**
 * Reads a Keras model config (the JSON in a TF.js model.json "modelTopology" or an .h5 "model_config") into
 * the Dense stack Digit Studio runs. Accepts Sequential and linear Functional models made of InputLayer,
 * Flatten, Dropout, Activation and Dense layers; anything else is refused with the layer type named.
 */
import { INPUT_SIZE, NUM_CLASSES, type Activation, type DenseLayerSpec } from '../api/model-spec';
import {
  objectOf,
  type ActivationIdentifier,
  type ActivationLayerConfig,
  type DenseLayerConfig,
  type InputShapeKeys,
  type KerasTensorConfig,
  type LayerSerialization,
  type ModelSerialization,
  type ModelTopology,
  type SequentialConfig,
  type Unchecked,
} from './keras-format';

const SUPPORTED_ACTIVATIONS: readonly Activation[] = ['relu', 'sigmoid', 'tanh', 'linear', 'softmax'];
const PASS_THROUGH = new Set(['InputLayer', 'Flatten', 'Dropout']);
const MAX_INBOUND_DEPTH = 32;

type KerasLayer = Unchecked<LayerSerialization>;
/** The keys of every layer class Digit Studio reads. */
type LayerConfig = DenseLayerConfig & ActivationLayerConfig;

function modelParts(topology: unknown): { model: Unchecked<SequentialConfig>; layers: KerasLayer[] } {
  const root = objectOf<ModelSerialization>(objectOf<ModelTopology>(topology)?.model_config ?? topology);
  const config = root?.config;
  // Keras 2.0 wrote a Sequential's config as a bare list of layers; later versions as { layers: [...] }.
  const layers = Array.isArray(config) ? config : objectOf<SequentialConfig>(config)?.layers;
  if (!Array.isArray(layers) || layers.length === 0) throw new Error('the model config holds no layers (is this a Keras model?)');
  const bad = layers.findIndex((layer: unknown) => !objectOf(layer));
  if (bad >= 0) throw new Error(`entry ${bad + 1} of the model config's layers is not a layer (${layers[bad] === null ? 'null' : typeof layers[bad]})`);
  return { model: objectOf<SequentialConfig>(config) ?? {}, layers: layers as KerasLayer[] };
}

function layerName(layer: KerasLayer): string {
  return String(objectOf<LayerConfig>(layer.config)?.name ?? layer.name ?? layer.class_name);
}

/**
 * Names of the layers feeding a Functional layer. Keras 2 and TF.js write inbound_nodes as
 * [[["dense", 0, 0, {}]]]; Keras 3 as [{"args": [{"config": {"keras_history": ["dense", 0, 0]}}]}].
 */
function inboundNames(nodes: unknown, found: Set<string> = new Set(), depth = 0): Set<string> {
  // Keras nests these about six levels deep; a hostile file could nest deep enough to overflow the stack.
  if (depth > MAX_INBOUND_DEPTH) throw new Error(`inbound_nodes nest more than ${MAX_INBOUND_DEPTH} levels deep`);
  const tensor = objectOf<KerasTensorConfig>(nodes);
  if (Array.isArray(nodes)) {
    if (typeof nodes[0] === 'string' && typeof nodes[1] === 'number') found.add(nodes[0]);
    else nodes.forEach((node) => inboundNames(node, found, depth + 1));
  } else if (tensor) {
    const history = tensor.keras_history;
    if (Array.isArray(history) && typeof history[0] === 'string') found.add(history[0]);
    else Object.values(tensor).forEach((value) => inboundNames(value, found, depth + 1));
  }
  return found;
}

/** A Functional model is run in list order, so each layer must be fed by exactly the layer listed before it. */
function checkSingleChain(layers: KerasLayer[]): void {
  if (!layers.some((layer) => layer.inbound_nodes !== undefined)) return;
  layers.forEach((layer, i) => {
    const inputs = [...inboundNames(layer.inbound_nodes ?? [])];
    const expected = i === 0 ? [] : [layerName(layers[i - 1])];
    if (inputs.length !== expected.length || inputs[0] !== expected[0]) {
      throw new Error(`layer ${layerName(layer)} takes its input from ${inputs.length ? inputs.join(', ') : 'nothing'}; Digit Studio runs a single chain of layers (a Sequential-like model)`);
    }
  });
}

function product(dims: unknown[]): number | null {
  const sizes = dims.map(Number);
  if (sizes.length === 0 || sizes.some((d) => !Number.isInteger(d) || d <= 0)) return null;
  return sizes.reduce((a, b) => a * b, 1);
}

/** Input size from a batch shape ([null, 784], [null, 28, 28]) or, without the batch dimension, input_shape. */
function declaredInputSize(config: Unchecked<InputShapeKeys>): number | null {
  const batchShape = config.batch_input_shape ?? config.batchInputShape ?? config.batch_shape ?? config.build_input_shape;
  if (Array.isArray(batchShape)) return product(batchShape.slice(1));
  const shape = config.input_shape ?? config.inputShape;
  return Array.isArray(shape) ? product(shape) : null;
}

/** 'relu', or a serialized function such as {"class_name": "function", "config": "relu"}. */
function activationOf(name: unknown, layer: string): Activation {
  const config = objectOf<Exclude<ActivationIdentifier, string>>(name)?.config;
  const value = typeof name === 'string' ? name : typeof config === 'string' ? config : objectOf<{ name: string }>(config)?.name;
  if (typeof value === 'string' && (SUPPORTED_ACTIVATIONS as readonly string[]).includes(value)) return value as Activation;
  throw new Error(`layer ${layer}: activation ${JSON.stringify(value)} is not supported (supported: ${SUPPORTED_ACTIVATIONS.join(', ')})`);
}

export function denseLayersFromKerasConfig(topology: unknown): { inputSize: number; layers: DenseLayerSpec[] } {
  const { model, layers: kerasLayers } = modelParts(topology);
  checkSingleChain(kerasLayers);
  const layers: DenseLayerSpec[] = [];
  let inputSize: number | null = null;
  for (const layer of kerasLayers) {
    const className = String(layer.class_name);
    const config: Unchecked<LayerConfig> = objectOf<LayerConfig>(layer.config) ?? {};
    const name = layerName(layer);
    if (inputSize === null && layers.length === 0) inputSize = declaredInputSize(config);
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
  const resolvedInput = inputSize ?? declaredInputSize(model) ?? INPUT_SIZE;
  if (resolvedInput !== INPUT_SIZE) throw new Error(`the model takes ${resolvedInput} inputs; a digit model takes 784 (28x28)`);
  const last = layers[layers.length - 1];
  if (last.units !== NUM_CLASSES || last.activation !== 'softmax') {
    throw new Error(`the last layer must be Dense(10, softmax) for digits; found Dense(${last.units}, ${last.activation})`);
  }
  return { inputSize: resolvedInput, layers };
}
