/** Model files by extension; every place that reads or writes a model goes through here. */
import { mkdir } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import type { LayerModel } from '../api/layer-model';
import type { TrainedModel } from '../api/model-spec';
import { openModelFromH5File } from './hdf5/read-h5';
import { saveModelToH5File } from './hdf5/write-h5';
import { ModelFileError } from './model-error';
import { openModelFromTfjsFile, saveModelToTfjsFile } from './tfjs/layers-format';

/** Any model Digit Studio can run (Conv2D networks too), as a layer list: the one way a model file is read. */
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
