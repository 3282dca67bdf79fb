/**
 * Keras' JSON, typed the way tfjs-layers types it (tfjs-layers/src/keras_format): the model config (.h5
 * @model_config, model.json modelTopology) and the training config (.h5 @training_config), with the snake_case keys
 * Python Keras writes and every object a { class_name, config } pair. Only the classes and keys Digit Studio writes
 * or reads are listed.
 *
 * The writers build these types, so the compiler checks every key they emit. A file may hold anything, so the
 * readers see them through Unchecked<T>: the same keys, each value unknown until the reader has checked it.
 */
import type { PyFloat } from './hdf5/python-json';

/** The keys of T, each value unknown: a Keras object as read from a file, before its values are checked. */
export type Unchecked<T> = { [K in keyof T]?: unknown };

/** `value` as an Unchecked<T> when it is a JSON object (not null, not an array). */
export function objectOf<T>(value: unknown): Unchecked<T> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Unchecked<T>) : undefined;
}

/** A serialized Keras object: the class and its constructor arguments. */
export interface KerasObject<N extends string = string, C = object> {
  class_name: N;
  config: C;
}

/** A shape as Keras writes it: null for the batch dimension or any other unknown one. */
export type Shape = Array<number | null>;

/** Where a layer or a model says what it takes (Keras versions differ in which one they write). */
export interface InputShapeKeys {
  /** With the batch dimension: Keras 2, tf.keras and TF.js; Keras 3 calls it batch_shape. */
  batch_input_shape?: Shape;
  batch_shape?: Shape;
  /** Without the batch dimension. */
  input_shape?: Shape;
  /** tf.keras 2 on a Sequential's config: the shape the model was built with. */
  build_input_shape?: Shape;
  /** Early TF.js wrote these two in camelCase. */
  batchInputShape?: Shape;
  inputShape?: Shape;
}

export interface LayerConfig extends InputShapeKeys {
  name: string;
  trainable?: boolean;
  dtype?: string;
}

export interface InputLayerConfig extends LayerConfig {
  sparse?: boolean;
  ragged?: boolean;
}

/** 'relu', or a serialized function: {"class_name": "function", "config": "relu"} or its config {"name": "relu"}. */
export type ActivationIdentifier = string | KerasObject<string, string | { name: string }>;

export interface DenseLayerConfig extends LayerConfig {
  units: number;
  activation?: ActivationIdentifier;
  use_bias?: boolean;
  kernel_initializer?: KerasObject;
  bias_initializer?: KerasObject;
  kernel_regularizer?: KerasObject | null;
  bias_regularizer?: KerasObject | null;
  activity_regularizer?: KerasObject | null;
  kernel_constraint?: KerasObject | null;
  bias_constraint?: KerasObject | null;
}

export interface ActivationLayerConfig extends LayerConfig {
  activation: ActivationIdentifier;
}

/** 'channels_last' (Keras' default) or 'channels_first'. */
export type DataFormat = 'channels_last' | 'channels_first';

/** A pair such as kernel_size or strides: [3, 3], or a single number for both. */
export type Pair = number | [number, number];

export interface Conv2DLayerConfig extends Omit<DenseLayerConfig, 'units'> {
  filters: number;
  kernel_size: Pair;
  strides?: Pair;
  padding?: 'valid' | 'same';
  data_format?: DataFormat | null;
  dilation_rate?: Pair;
  groups?: number;
}

export interface PoolingLayerConfig extends LayerConfig {
  pool_size: Pair;
  /** null: the pool size. */
  strides?: Pair | null;
  padding?: 'valid' | 'same';
  data_format?: DataFormat | null;
}

export interface ReshapeLayerConfig extends LayerConfig {
  target_shape: number[];
}

export interface FlattenLayerConfig extends LayerConfig {
  data_format?: DataFormat | null;
}

export interface DropoutLayerConfig extends LayerConfig {
  rate: number;
  noise_shape?: Shape | null;
  seed?: number | null;
}

export interface BatchNormLayerConfig extends LayerConfig {
  /** -1, or the channel axis' index counting the batch dimension; tf.keras 2.x wrote it as a list ([3]). */
  axis: number | number[];
  momentum?: number;
  epsilon: number;
  center: boolean;
  scale: boolean;
  beta_initializer?: KerasObject;
  gamma_initializer?: KerasObject;
  moving_mean_initializer?: KerasObject;
  moving_variance_initializer?: KerasObject;
  beta_regularizer?: KerasObject | null;
  gamma_regularizer?: KerasObject | null;
  beta_constraint?: KerasObject | null;
  gamma_constraint?: KerasObject | null;
  /** Batch renormalization (Keras 3 and tf.keras): more weights, a different layer. */
  renorm?: boolean;
}

/** A Keras 3 tensor in inbound_nodes: the layer that made it, that layer's node and output index. */
export interface KerasTensorConfig {
  keras_history: [layer: string, nodeIndex: number, tensorIndex: number];
}

/** The layers feeding a Functional model's layer: Keras 2 and TF.js [[["dense", 0, 0, {}]]]; Keras 3 [{"args": [...]}]. */
export type InboundNodes = Array<Array<[layer: string, nodeIndex: number, tensorIndex: number, kwargs?: object]>> | Array<{ args: unknown[]; kwargs?: object }>;

export type LayerSerialization = (
  | KerasObject<'InputLayer', InputLayerConfig>
  | KerasObject<'Dense', DenseLayerConfig>
  | KerasObject<'Activation', ActivationLayerConfig>
  | KerasObject<'Conv2D', Conv2DLayerConfig>
  | KerasObject<'MaxPooling2D' | 'AveragePooling2D', PoolingLayerConfig>
  | KerasObject<'Reshape', ReshapeLayerConfig>
  | KerasObject<'Flatten', FlattenLayerConfig>
  | KerasObject<'Dropout', DropoutLayerConfig>
  | KerasObject<'BatchNormalization', BatchNormLayerConfig>
) & {
  /** Functional models only. */
  name?: string;
  inbound_nodes?: InboundNodes;
};

export interface SequentialConfig extends InputShapeKeys {
  name?: string;
  layers: LayerSerialization[];
}

/** A Sequential, or a Functional ('Model' before Keras 3); Keras 2.0 wrote a Sequential's config as the bare layer list. */
export type ModelSerialization = KerasObject<'Sequential' | 'Functional' | 'Model', SequentialConfig | LayerSerialization[]>;

/** A TF.js model.json's modelTopology wraps the model config. */
export interface ModelTopology {
  keras_version?: string;
  backend?: string;
  model_config: ModelSerialization;
}

/** A number Keras must read as a Python float: the .h5 writer wraps it in a PyFloat. */
type Float = number | PyFloat;

export interface OptimizerConfig {
  name?: string;
  learning_rate?: Float;
  /** The learning rate's name before Keras 2.3. */
  lr?: Float;
  momentum?: Float;
  nesterov?: boolean;
  beta_1?: Float;
  beta_2?: Float;
  epsilon?: Float;
  amsgrad?: boolean;
}

export interface TrainingConfig {
  optimizer_config: KerasObject<string, OptimizerConfig>;
  /** 'categorical_crossentropy', or a serialized loss class. */
  loss: string | KerasObject;
  metrics?: string[] | null;
  weighted_metrics?: string[] | null;
  loss_weights?: number[] | null;
}
