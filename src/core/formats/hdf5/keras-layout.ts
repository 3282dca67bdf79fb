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
 *   so kernel always comes before bias. Layers keep their names (dense, conv2d_1, ... as Keras names them).
 */
import { layerModelOf, summarizeLayers, type LayerModel, type LayerSpec, type LayerSummary } from '../../api/layer-model';
import { checkWeights, type DenseWeights, type TrainedModel } from '../../api/model-spec';
import type { ActivationIdentifier, DenseLayerConfig, KerasObject, LayerConfig, LayerSerialization, ModelSerialization } from '../keras-format';

export const KERAS_VERSION = '2.15.0';
export const KERAS_BACKEND = 'tensorflow';

/** One weight of a layer: 'kernel' ([kh, kw, in, out] or [inputs, units]) or 'bias' ([units]). */
export interface KerasVariable {
  name: 'kernel' | 'bias';
  shape: number[];
  data: Float32Array;
}

export interface KerasLayerWeights {
  layer: string;
  /** Empty for a layer without weights. */
  variables: KerasVariable[];
}

export interface KerasLayout {
  config: ModelSerialization;
  /** Every layer but the InputLayer, in model order. */
  layers: KerasLayerWeights[];
}

/** What Keras takes as a layer name and HDF5 as a group name: no '/', nothing a terminal or a path could misread. */
const LAYER_NAME = /^[A-Za-z0-9][\w.-]*$/;
const GLOROT_UNIFORM: KerasObject = { class_name: 'GlorotUniform', config: { seed: null } };
const ZEROS: KerasObject = { class_name: 'Zeros', config: {} };

/** The keys every layer config starts with. */
function base(layer: LayerSpec): { name: string; trainable: true; dtype: string } {
  return { name: layer.name, trainable: true, dtype: 'float32' };
}

/** The part Dense and Conv2D share: a bias, Keras' default initializers, no regularizers or constraints. */
function kernelSettings(activation: ActivationIdentifier): Omit<DenseLayerConfig, keyof LayerConfig | 'units'> {
  return {
    activation,
    use_bias: true,
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
          ...kernelSettings(layer.activation),
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
      return { class_name: 'Dense', config: { ...base(layer), units: layer.units, ...kernelSettings(layer.activation) } };
    case 'Activation':
      return { class_name: 'Activation', config: { ...base(layer), activation: layer.activation } };
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

/** Each layer after the InputLayer with its weights, checked against the shapes its config implies. */
function layerWeights(rows: readonly LayerSummary[], weights: readonly DenseWeights[]): KerasLayerWeights[] {
  const weighted = rows.filter((row) => row.kernelShape !== null);
  if (weights.length !== weighted.length) {
    throw new Error(`the model has ${weighted.length} layers with weights (${weighted.map((row) => row.layer.name).join(', ')}) but ${weights.length} weight sets`);
  }
  let next = 0;
  return rows.slice(1).map(({ layer, kernelShape }): KerasLayerWeights => {
    if (!kernelShape) return { layer: layer.name, variables: [] };
    const { kernel, bias } = weights[next++];
    const units = kernelShape[kernelShape.length - 1];
    if (kernel.length !== kernelShape.reduce((a, b) => a * b, 1) || bias.length !== units) {
      throw new Error(`layer ${layer.name}: expected kernel ${kernelShape.join('x')} and bias ${units}, got ${kernel.length} and ${bias.length} values`);
    }
    return { layer: layer.name, variables: [{ name: 'kernel', shape: kernelShape, data: kernel }, { name: 'bias', shape: [units], data: bias }] };
  });
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
    layers: layerWeights(rows, model.weights),
  };
}
