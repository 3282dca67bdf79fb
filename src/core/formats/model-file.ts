/** Model files by extension; every place that reads or writes a model goes through here. */
import { mkdir } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import type { LayerModel } from '../api/layer-model';
import type { TrainedModel } from '../api/model-spec';
import { loadModelFromH5File, openModelFromH5File } from './hdf5/read-h5';
import { saveModelToH5File } from './hdf5/write-h5';
import { ModelFileError } from './model-error';
import { loadModelFromTfjsFile, openModelFromTfjsFile, saveModelToTfjsFile } from './tfjs/layers-format';

/** The Dense stack in a model file, for the parts that run Dense stacks only (training, the app, export). */
export async function readModelFile(path: string): Promise<TrainedModel> {
  switch (extname(path).toLowerCase()) {
    case '.json':
      return loadModelFromTfjsFile(path);
    case '.h5':
      return (await loadModelFromH5File(path)).model;
    default:
      throw unknownType(path);
  }
}

/** Any model Digit Studio can run (Conv2D networks too), as a layer list, for inference (evaluate, predict, info). */
export async function openModelFile(path: string): Promise<LayerModel> {
  switch (extname(path).toLowerCase()) {
    case '.json':
      return openModelFromTfjsFile(path);
    case '.h5':
      return (await openModelFromH5File(path)).model;
    default:
      throw unknownType(path);
  }
}

/** Writes any layer list (or a Dense-stack TrainedModel) as a Keras .h5 or a TF.js model.json, creating missing folders. */
export async function writeModelFile(model: LayerModel | TrainedModel, path: string): Promise<void> {
  switch (extname(path).toLowerCase()) {
    case '.json':
      await mkdir(dirname(path), { recursive: true });
      return saveModelToTfjsFile(model, path);
    case '.h5':
      await mkdir(dirname(path), { recursive: true });
      return saveModelToH5File(model, path);
    default:
      throw new ModelFileError(path, 'unknown model file type to write (use .h5 for Keras HDF5 or .json for the TF.js layers format)');
  }
}

function unknownType(path: string): ModelFileError {
  return new ModelFileError(path, 'unknown model file type (expected a Keras .h5 or a TF.js model.json)');
}
