/**
 * Reads a Keras model config (the JSON in a TF.js model.json "modelTopology" or an .h5 "model_config") into the
 * layer list Digit Studio runs (api/layer-model.ts). Accepts Sequential and linear Functional models made of
 * InputLayer, Reshape, Conv2D, MaxPooling2D, AveragePooling2D, Flatten, Dropout, Dense, Activation and
 * BatchNormalization layers; anything else is refused with the layer type named.
 */
import { LAYER_TYPES, summarizeLayers, type LayerSpec, type LayerSummary, type Padding } from '../api/layer-model';
import { INPUT_SIZE, type Activation } from '../api/model-spec';
import {
  objectOf,
  type ActivationIdentifier,
  type ActivationLayerConfig,
  type BatchNormLayerConfig,
  type Conv2DLayerConfig,
  type DenseLayerConfig,
  type DropoutLayerConfig,
  type FlattenLayerConfig,
  type InputShapeKeys,
  type KerasTensorConfig,
  type LayerSerialization,
  type ModelSerialization,
  type ModelTopology,
  type PoolingLayerConfig,
  type ReshapeLayerConfig,
  type SequentialConfig,
  type Unchecked,
} from './keras-format';

const SUPPORTED_ACTIVATIONS: readonly Activation[] = ['relu', 'sigmoid', 'tanh', 'linear', 'softmax'];
const MAX_INBOUND_DEPTH = 32;

type KerasLayer = Unchecked<LayerSerialization>;
/** The keys of every layer class Digit Studio reads. */
type LayerConfig = DenseLayerConfig & ActivationLayerConfig & Conv2DLayerConfig & PoolingLayerConfig & ReshapeLayerConfig & FlattenLayerConfig & DropoutLayerConfig & BatchNormLayerConfig;

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

/** Dimensions that are all positive integers, else null (unknown sizes such as [null, 784]). */
function knownShape(dims: unknown): number[] | null {
  if (!Array.isArray(dims) || dims.length === 0) return null;
  const sizes = dims.map(Number);
  return dims.every((d) => typeof d === 'number') && sizes.every((d) => Number.isInteger(d) && d > 0) ? sizes : null;
}

/** Input shape from a batch shape ([null, 784], [null, 28, 28]) or, without the batch dimension, input_shape. */
function declaredInputShape(config: Unchecked<InputShapeKeys>): number[] | null {
  const batchShape = config.batch_input_shape ?? config.batchInputShape ?? config.batch_shape ?? config.build_input_shape;
  if (Array.isArray(batchShape)) return knownShape(batchShape.slice(1));
  return knownShape(config.input_shape ?? config.inputShape);
}

/** 'relu', or a serialized function such as {"class_name": "function", "config": "relu"}. */
function activationOf(name: unknown, layer: string): Activation {
  const config = objectOf<Exclude<ActivationIdentifier, string>>(name)?.config;
  const value = typeof name === 'string' ? name : typeof config === 'string' ? config : objectOf<{ name: string }>(config)?.name;
  if (typeof value === 'string' && (SUPPORTED_ACTIVATIONS as readonly string[]).includes(value)) return value as Activation;
  throw new Error(`layer ${layer}: activation ${JSON.stringify(value)} is not supported (supported: ${SUPPORTED_ACTIVATIONS.join(', ')})`);
}

/** A Keras size pair, 3 or [3, 3], each a whole number from 1 to max; else null. */
function pairOf(value: unknown, max: number): [number, number] | null {
  const pair = typeof value === 'number' ? [value, value] : value;
  return Array.isArray(pair) && pair.length === 2 && pair.every((d) => Number.isInteger(d) && d >= 1 && d <= max) ? [pair[0], pair[1]] : null;
}

/** A whole number from 1 to max, else null. */
function countOf(value: unknown, max: number): number | null {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= max ? (value as number) : null;
}

function paddingOf(value: unknown, layer: string): Padding {
  if (value === undefined || value === 'valid' || value === 'same') return value ?? 'valid';
  throw new Error(`layer ${layer}: padding ${JSON.stringify(value)} is not supported (supported: valid, same)`);
}

function checkChannelsLast(config: Unchecked<LayerConfig>, layer: string): void {
  const format = config.data_format;
  if (format !== undefined && format !== null && format !== 'channels_last') throw new Error(`layer ${layer}: data_format ${JSON.stringify(format)} is not supported (only channels_last)`);
}

/** A boolean setting, true when absent: use_bias, center, scale. */
function flagOf(config: Unchecked<LayerConfig>, key: 'use_bias' | 'center' | 'scale', invalid: (key: keyof LayerConfig) => never): boolean {
  const value = config[key] ?? true;
  return typeof value === 'boolean' ? value : invalid(key);
}

/** A Conv2D or Dense layer's useBias: only stated when false. */
function biasOf(config: Unchecked<LayerConfig>, invalid: (key: keyof LayerConfig) => never): { useBias?: false } {
  return flagOf(config, 'use_bias', invalid) ? {} : { useBias: false };
}

/** BatchNormalization's axis: -1 or an index counting the batch dimension, as tf.keras 2.x wrote it also a one-element list. */
function axisOf(value: unknown, invalid: (key: keyof LayerConfig) => never): number {
  const axis = Array.isArray(value) && value.length === 1 ? value[0] : (value ?? -1);
  return Number.isInteger(axis) && axis >= -1 ? (axis as number) : invalid('axis');
}

/** One Keras layer as a LayerSpec (the InputLayer is made by kerasLayerList). */
function layerSpec(className: string, config: Unchecked<LayerConfig>, name: string): LayerSpec {
  /** The one-line refusal of a setting that is missing or out of range. */
  const invalid = (key: keyof LayerConfig): never => {
    const value = config[key];
    throw new Error(`layer ${name} is a ${className} with ${value === undefined ? `no ${key}` : `an invalid ${key}: ${JSON.stringify(value)}`}`);
  };
  switch (className) {
    case 'Reshape':
      return { type: 'Reshape', name, targetShape: knownShape(config.target_shape) ?? invalid('target_shape') };
    case 'Conv2D': {
      checkChannelsLast(config, name);
      const filters = countOf(config.filters, 4096) ?? invalid('filters');
      if ((pairOf(config.strides ?? 1, 64) ?? invalid('strides')).some((s) => s !== 1)) throw new Error(`layer ${name}: Conv2D strides ${JSON.stringify(config.strides)} are not supported (only 1)`);
      if ((pairOf(config.dilation_rate ?? 1, 64) ?? invalid('dilation_rate')).some((s) => s !== 1)) throw new Error(`layer ${name}: Conv2D dilation_rate ${JSON.stringify(config.dilation_rate)} is not supported (only 1)`);
      if ((config.groups ?? 1) !== 1) throw new Error(`layer ${name}: Conv2D groups ${JSON.stringify(config.groups)} are not supported (only 1)`);
      const kernelSize = pairOf(config.kernel_size, 11) ?? invalid('kernel_size');
      return { type: 'Conv2D', name, filters, kernelSize, padding: paddingOf(config.padding, name), activation: activationOf(config.activation ?? 'linear', name), ...biasOf(config, invalid) };
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      checkChannelsLast(config, name);
      const poolSize = pairOf(config.pool_size ?? 2, 28) ?? invalid('pool_size');
      const strides = config.strides === undefined || config.strides === null ? poolSize : (pairOf(config.strides, 28) ?? invalid('strides'));
      return { type: className, name, poolSize, strides, padding: paddingOf(config.padding, name) };
    }
    case 'Flatten':
      checkChannelsLast(config, name);
      return { type: 'Flatten', name };
    case 'Dropout': {
      const rate = config.rate ?? 0;
      return { type: 'Dropout', name, rate: typeof rate === 'number' && rate >= 0 && rate <= 1 ? rate : invalid('rate') }; // Keras' range
    }
    case 'Activation':
      return { type: 'Activation', name, activation: activationOf(config.activation, name) };
    case 'Dense':
      return { type: 'Dense', name, units: countOf(config.units, 65_536) ?? invalid('units'), activation: activationOf(config.activation ?? 'linear', name), ...biasOf(config, invalid) };
    case 'BatchNormalization': {
      if (config.renorm === true) throw new Error(`layer ${name}: BatchNormalization with renorm is not supported`);
      const given = config.epsilon ?? 1e-3; // Keras' default
      const epsilon = typeof given === 'number' && given >= 0 && Number.isFinite(given) ? given : invalid('epsilon');
      return { type: 'BatchNormalization', name, axis: axisOf(config.axis, invalid), epsilon, center: flagOf(config, 'center', invalid), scale: flagOf(config, 'scale', invalid) };
    }
    default:
      throw new Error(`layer ${name} is a ${className}, which Digit Studio does not support (it reads ${LAYER_TYPES.join(', ')})`);
  }
}

/**
 * The model's layers in order, starting with an InputLayer: the file's own, or one made from the first layer's
 * batch_input_shape (Keras 2 wrote it there), the model's build_input_shape, or else 784 inputs. Shapes are checked
 * later (api/layer-model summarizeLayers).
 */
export function kerasLayerList(topology: unknown): LayerSpec[] {
  const { model, layers: kerasLayers } = modelParts(topology);
  checkSingleChain(kerasLayers);
  const first = objectOf<LayerConfig>(kerasLayers[0].config) ?? {};
  const inputShape = declaredInputShape(first) ?? declaredInputShape(model) ?? [INPUT_SIZE];
  const hasInputLayer = kerasLayers[0].class_name === 'InputLayer';
  const input: LayerSpec = { type: 'InputLayer', name: hasInputLayer ? layerName(kerasLayers[0]) : 'input_layer', shape: inputShape };
  return [
    input,
    ...kerasLayers.slice(hasInputLayer ? 1 : 0).map((layer) => {
      if (layer.class_name === 'InputLayer') throw new Error(`layer ${layerName(layer)}: an InputLayer is only allowed first`);
      return layerSpec(String(layer.class_name), objectOf<LayerConfig>(layer.config) ?? {}, layerName(layer));
    }),
  ];
}

/** The model's layers with Keras' shapes and parameter counts, checked as a digit model (api/layer-model summarizeLayers). */
export function kerasLayerSummary(topology: unknown): LayerSummary[] {
  return summarizeLayers(kerasLayerList(topology));
}
