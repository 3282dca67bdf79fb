/**
 * What Digit Studio writes as a Keras model: the model config and each layer's weights, in the layout tf.keras 2.x
 * model.save() produced (the seed's format, read by every tf.keras 2.x, by TFLiteConverter.from_keras_model_file and
 * by the tensorflowjs converter), in the form real Keras 3 and tfjs-layers also load. The .h5 writer stores it as
 * @model_config and /model_weights; the TF.js writer puts the same config in model.json, as the converter does.
 *
 * - keras_version/backend say which Keras layout the file follows; generated_by says who really wrote it.
 * - model_config is a Sequential that starts with an InputLayer (what tf.keras 2.x writes for a model built
 *   from keras.Input): without one, Keras 3 turns a batch_input_shape on the first Dense into input_shape and
 *   the model expects (None, None, 784); with both, Keras 3 warns about input_shape on a layer.
 * - every other layer is listed with its weights, none for pooling, Flatten, Dropout, Reshape and Activation: the
 *   loaders match the layers that hold weights to the model's by order and assign each layer's weights by order,
 *   in Keras' order (keras-weights.ts: kernel before bias; gamma, beta, moving_mean, moving_variance). Layers keep
 *   their names (dense, conv2d_1, ... as Keras names them).
 */
import { layerModelOf, summarizeLayers, type Conv2DLayerSpec, type DenseListLayerSpec, type LayerModel, type LayerSpec } from '../../api/layer-model';
import { checkWeights, type TrainedModel } from '../../api/model-spec';
import type { DenseLayerConfig, KerasObject, LayerConfig, LayerSerialization, ModelSerialization } from '../keras-format';
import { kerasVariables, type KerasLayerWeights } from '../keras-weights';

export const KERAS_VERSION = '2.15.0';
export const KERAS_BACKEND = 'tensorflow';

export interface KerasLayout {
  config: ModelSerialization;
  /** Every layer but the InputLayer, in model order. */
  layers: KerasLayerWeights[];
}

/** What Keras takes as a layer name and HDF5 as a group name: no '/', nothing a terminal or a path could misread. */
const LAYER_NAME = /^[A-Za-z0-9][\w.-]*$/;
const GLOROT_UNIFORM: KerasObject = { class_name: 'GlorotUniform', config: { seed: null } };
const ZEROS: KerasObject = { class_name: 'Zeros', config: {} };
const ONES: KerasObject = { class_name: 'Ones', config: {} };

/** The keys every layer config starts with. */
function base(layer: LayerSpec): { name: string; trainable: true; dtype: string } {
  return { name: layer.name, trainable: true, dtype: 'float32' };
}

/** The part Dense and Conv2D share: the bias or none, Keras' default initializers, no regularizers or constraints. */
function kernelSettings(layer: Conv2DLayerSpec | DenseListLayerSpec): Omit<DenseLayerConfig, keyof LayerConfig | 'units'> {
  return {
    activation: layer.activation,
    use_bias: layer.useBias !== false,
    kernel_initializer: GLOROT_UNIFORM,
    bias_initializer: ZEROS,
    kernel_regularizer: null,
    bias_regularizer: null,
    activity_regularizer: null,
    kernel_constraint: null,
    bias_constraint: null,
  };
}

/** One layer as Keras serializes it (the inverse of keras-config.ts' layerSpec). */
function layerSerialization(layer: LayerSpec): LayerSerialization {
  switch (layer.type) {
    case 'InputLayer':
      return { class_name: 'InputLayer', config: { batch_input_shape: [null, ...layer.shape], dtype: 'float32', sparse: false, ragged: false, name: layer.name } };
    case 'Reshape':
      return { class_name: 'Reshape', config: { ...base(layer), target_shape: [...layer.targetShape] } };
    case 'Conv2D':
      return {
        class_name: 'Conv2D',
        config: {
          ...base(layer),
          filters: layer.filters,
          kernel_size: [...layer.kernelSize],
          strides: [1, 1],
          padding: layer.padding,
          data_format: 'channels_last',
          dilation_rate: [1, 1],
          groups: 1,
          ...kernelSettings(layer),
        },
      };
    case 'MaxPooling2D':
    case 'AveragePooling2D':
      return { class_name: layer.type, config: { ...base(layer), pool_size: [...layer.poolSize], padding: layer.padding, strides: [...layer.strides], data_format: 'channels_last' } };
    case 'Flatten':
      return { class_name: 'Flatten', config: { ...base(layer), data_format: 'channels_last' } };
    case 'Dropout':
      return { class_name: 'Dropout', config: { ...base(layer), rate: layer.rate, noise_shape: null, seed: null } };
    case 'Dense':
      return { class_name: 'Dense', config: { ...base(layer), units: layer.units, ...kernelSettings(layer) } };
    case 'Activation':
      return { class_name: 'Activation', config: { ...base(layer), activation: layer.activation } };
    case 'BatchNormalization':
      return {
        class_name: 'BatchNormalization',
        config: {
          ...base(layer),
          axis: layer.axis,
          momentum: 0.99,
          epsilon: layer.epsilon,
          center: layer.center,
          scale: layer.scale,
          beta_initializer: ZEROS,
          gamma_initializer: ONES,
          moving_mean_initializer: ZEROS,
          moving_variance_initializer: ONES,
          beta_regularizer: null,
          gamma_regularizer: null,
          beta_constraint: null,
          gamma_constraint: null,
        },
      };
  }
}

function checkNames(layers: readonly LayerSpec[]): void {
  const seen = new Set<string>();
  for (const { name } of layers) {
    if (!LAYER_NAME.test(name)) throw new Error(`layer name ${JSON.stringify(name)} cannot be written: a Keras layer name is letters, digits, '_', '.' and '-', starting with a letter or digit`);
    if (seen.has(name)) throw new Error(`two layers are named ${JSON.stringify(name)}; Keras needs a different name for each`);
    seen.add(name);
  }
}

/**
 * The model as Keras writes it, after checking that it is a digit model whose weights fit its layers. A Dense-stack
 * TrainedModel is checked against its spec first (api/model-spec checkWeights' message), then written as its
 * layer list. @throws Error with a one-line message
 */
export function kerasLayout(model: LayerModel | TrainedModel): KerasLayout {
  if ('spec' in model) {
    checkWeights(model.spec, model.weights);
    return kerasLayout(layerModelOf(model));
  }
  const rows = summarizeLayers(model.layers);
  checkNames(model.layers);
  return {
    config: { class_name: 'Sequential', config: { name: 'sequential', layers: model.layers.map(layerSerialization) } },
    layers: kerasVariables(rows, model),
  };
}
