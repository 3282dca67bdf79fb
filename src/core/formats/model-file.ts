import { mkdir } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import type { TrainedModel } from '../model/spec';
import { ModelFileError } from './model-error';
import { loadTfjsModel, saveTfjsModel } from './tfjs/layers-format';

/** Model files by extension; every place that reads or writes a model goes through here. */
export async function readModelFile(path: string): Promise<TrainedModel> {
  switch (extname(path).toLowerCase()) {
    case '.json':
      return loadTfjsModel(path);
    default:
      throw new ModelFileError(path, 'unknown model file type (expected a TF.js model.json)');
  }
}

export async function writeModelFile(model: TrainedModel, path: string): Promise<void> {
  switch (extname(path).toLowerCase()) {
    case '.json':
      await mkdir(dirname(path), { recursive: true });
      return saveTfjsModel(model, path);
    default:
      throw new ModelFileError(path, 'unknown model file type to write (use a .json name for the TF.js layers format)');
  }
}
