/**
 * Reads a Keras legacy HDF5 model (model.save('x.h5') of Keras 1-3, tf.keras, or Digit Studio) the way
 * keras.models.load_model does: the architecture from the root attribute model_config, then the weights from
 * /model_weights, where the groups named in @layer_names that hold weights (non-empty @weight_names) are matched
 * to the model's Conv2D, Dense and BatchNormalization layers by order, and each layer's datasets are looked up by
 * its weight_names and assigned in Keras' order (keras-weights.ts: kernel, bias; gamma, beta, moving_mean,
 * moving_variance).
 * Runs inside the reader worker (read-worker.ts): HDF5 itself may loop forever on a corrupt file.
 */
import { totalParams, type LayerModel, type LayerSummary } from '../../api/layer-model';
import { kerasLayerSummary } from '../keras-config';
import { variableShapes, weightsOfVariables } from '../keras-weights';
import { attributeNames, childGroup, floatDataset, H5Problem, hdf5, stringAttribute, stringListAttribute, type H5Group } from './h5-access';
import { takeHdf5Error, withMemoryFile, type H5 } from './h5wasm-runtime';
import { readTrainingConfig, type OptimizerInfo } from './training-config';

/** What the file says about where it came from and how it was compiled. */
export interface H5Info {
  kerasVersion: string | null;
  backend: string | null;
  /** The application that wrote the file when it says so (Digit Studio does). */
  generatedBy: string | null;
  optimizer: OptimizerInfo | null;
  loss: string | null;
}

export interface LoadedH5Model {
  model: LayerModel;
  info: H5Info;
}

/** 64 M parameters (256 MB of float32): far beyond any digit model, still safe to allocate. */
const MAX_PARAMETERS = 64 * 1024 * 1024;

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new H5Problem(`attribute ${name} is not valid JSON`);
  }
}

function readLayers(file: H5Group): LayerSummary[] {
  const modelConfig = stringAttribute(file, 'model_config');
  if (modelConfig === null) {
    // model.save_weights() files carry @layer_names at the root and no architecture.
    if (attributeNames(file).includes('layer_names')) throw new H5Problem('holds only weights (written by save_weights), no model architecture; save the whole model with model.save()');
    throw new H5Problem('an HDF5 file without a Keras model (no model_config attribute)');
  }
  let layers: LayerSummary[];
  try {
    layers = kerasLayerSummary(parseJson(modelConfig, 'model_config'));
  } catch (error) {
    throw error instanceof H5Problem ? error : new H5Problem((error as Error).message);
  }
  const parameters = totalParams(layers);
  if (parameters > MAX_PARAMETERS) throw new H5Problem(`the model_config describes ${parameters} parameters, more than the ${MAX_PARAMETERS} Digit Studio can hold`);
  return layers;
}

function readWeights(h5: H5, file: H5Group, layers: LayerSummary[]): Pick<LayerModel, 'weights' | 'batchNorm'> {
  const root = childGroup(h5, file, 'model_weights');
  if (!root) throw new H5Problem('has a model_config but no model_weights group (no trained weights)');
  const layerNames = stringListAttribute(root, 'layer_names', 'model_weights/@layer_names');
  if (!layerNames) throw new H5Problem('model_weights has no layer_names attribute');
  const withWeights = layerNames
    .map((name) => {
      const group = childGroup(h5, root, name);
      if (!group) throw new H5Problem(`model_weights/@layer_names lists ${name}, but there is no group model_weights/${name}`);
      return { name, group, weightNames: stringListAttribute(group, 'weight_names', `model_weights/${name}/@weight_names`) ?? [] };
    })
    .filter((layer) => layer.weightNames.length > 0);
  const weighted = layers.filter((row) => variableShapes(row).length > 0);
  if (withWeights.length !== weighted.length) {
    const kinds = [...new Set(weighted.map((row) => row.layer.type))].join(' and ');
    throw new H5Problem(`the model_config has ${weighted.length} ${kinds} layers but model_weights holds weights for ${withWeights.length} (${withWeights.map((l) => l.name).join(', ') || 'none'})`);
  }
  const arrays = withWeights.map(({ name, group, weightNames }, i) => {
    const variables = variableShapes(weighted[i]);
    if (weightNames.length !== variables.length) {
      throw new H5Problem(`layer ${name} has ${weightNames.length} weights; a ${weighted[i].layer.type} layer as configured has ${variables.length} (${variables.map((v) => v.name).join(', ')})`);
    }
    // Keras' loader assigns a layer's weights by order, whatever their names.
    return variables.map(({ name: variable, shape }, k) => floatDataset(h5, group, weightNames[k], shape, `the ${variable} of layer ${name} (model_weights/${name}/${weightNames[k]})`));
  });
  return weightsOfVariables(weighted, arrays);
}

/** Descriptive attributes are optional: a missing or odd one is simply not reported. */
function optionalString(target: H5Group, name: string): string | null {
  try {
    return stringAttribute(target, name);
  } catch (error) {
    if (error instanceof H5Problem) return null;
    throw error;
  }
}

function optionalJson(text: string | null): unknown {
  try {
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

function readModel(h5: H5, file: H5Group): LoadedH5Model {
  const layers = readLayers(file);
  const weights = readWeights(h5, file, layers);
  const training = readTrainingConfig(optionalJson(optionalString(file, 'training_config')));
  const weightsGroup = childGroup(h5, file, 'model_weights');
  const described = (name: string): string | null => optionalString(file, name) ?? (weightsGroup && optionalString(weightsGroup, name));
  return {
    model: { layers: layers.map((row) => row.layer), ...weights, ...(training.compile ? { compile: training.compile } : {}) },
    info: { kerasVersion: described('keras_version'), backend: described('backend'), generatedBy: optionalString(file, 'generated_by'), optimizer: training.optimizer, loss: training.loss },
  };
}

/** Parses the bytes of an .h5 file; throws H5Problem for anything that is not a readable Keras model. */
export function loadModelFromH5Bytes(h5: H5, bytes: Uint8Array): LoadedH5Model {
  takeHdf5Error(); // start from a clean diagnostics buffer
  return withMemoryFile(h5, bytes, (path) => {
    const file = hdf5('open the file', () => new h5.lib.File(path, 'r'));
    // h5wasm does not throw when HDF5 fails to open a file (truncated, damaged superblock): it returns a bad id.
    if (file.file_id < 0n) throw new H5Problem(`HDF5 cannot open the file: ${takeHdf5Error() ?? 'unreadable'}`);
    try {
      return readModel(h5, file);
    } finally {
      // Closing a damaged file can fail too; the outcome of the read is what gets reported.
      try {
        file.close();
      } catch {
        takeHdf5Error();
      }
    }
  });
}
