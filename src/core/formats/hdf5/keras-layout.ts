/**
 * What Digit Studio writes into a Keras .h5: the layout tf.keras 2.x model.save() produced (the seed's format,
 * read by every tf.keras 2.x and by TFLiteConverter.from_keras_model_file), in the form real Keras 3 also loads.
 *
 * - keras_version/backend say which Keras layout the file follows; generated_by says who really wrote it.
 * - model_config is a Sequential that starts with an InputLayer (what tf.keras 2.x writes for a model built
 *   from keras.Input): without one, Keras 3 turns a batch_input_shape on the first Dense into input_shape and
 *   the model expects (None, None, 784); with both, Keras 3 warns about input_shape on a layer.
 * - layers are named like Keras names them (dense, dense_1, ...), weights like tf.keras 2.x variables
 *   ('dense/kernel:0'); the loaders look datasets up by those names inside the layer's group and assign them
 *   by order, so kernel always comes before bias.
 */
import { denseLayerName } from '../../api/keras-names';
import type { ModelSpec } from '../../api/model-spec';
import type { LayerSerialization, ModelSerialization } from '../keras-format';
import { pythonJson } from './python-json';

export const KERAS_VERSION = '2.15.0';
export const KERAS_BACKEND = 'tensorflow';

/** weight_names of a Dense layer, in the order Keras assigns them. */
export function denseWeightNames(layerName: string): [kernel: string, bias: string] {
  return [`${layerName}/kernel:0`, `${layerName}/bias:0`];
}

/** The model_config attribute's JSON text. */
export function kerasModelConfig(spec: ModelSpec): string {
  const dense = spec.layers.map((layer, i): LayerSerialization => ({
    class_name: 'Dense',
    config: {
      name: denseLayerName(i),
      trainable: true,
      dtype: 'float32',
      units: layer.units,
      activation: layer.activation,
      use_bias: true,
      kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
      bias_initializer: { class_name: 'Zeros', config: {} },
      kernel_regularizer: null,
      bias_regularizer: null,
      activity_regularizer: null,
      kernel_constraint: null,
      bias_constraint: null,
    },
  }));
  const input: LayerSerialization = {
    class_name: 'InputLayer',
    config: { batch_input_shape: [null, spec.inputSize], dtype: 'float32', sparse: false, ragged: false, name: `${denseLayerName(0)}_input` },
  };
  const model: ModelSerialization = { class_name: 'Sequential', config: { name: 'sequential', layers: [input, ...dense] } };
  return pythonJson(model);
}
