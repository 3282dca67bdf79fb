/**
 * What lives in the model library folder, <userDir>/models: one folder per model, named by its id, holding the
 * TF.js pair, meta.json and, for a model trained here, optimizer.json; and, while work is under way, dot-named
 * working folders that are never listed.
 */
import { randomBytes } from 'node:crypto';

export const MODEL_FILE = 'model.json';
/** The weights file the TF.js writer puts beside MODEL_FILE. */
export const WEIGHTS_FILE = 'model.weights.bin';
export const META_FILE = 'meta.json';
/** A trained model's optimizer state and epochs, to continue its run (optimizer-file.ts); absent for imports. */
export const OPTIMIZER_FILE = 'optimizer.json';

/** An upload being checked before it enters the library. */
export const IMPORT_PREFIX = '.import-';
/** A model being written: renamed to its id only once complete. */
export const STAGING_PREFIX = '.saving-';
/** A model being deleted: renamed away first, so a half-deleted folder is never listed. */
export const TRASH_PREFIX = '.deleted-';

export const WORKING_FOLDER_PREFIXES = [IMPORT_PREFIX, STAGING_PREFIX, TRASH_PREFIX];

/** Ids the library gives: `run-` or `import-`, the UTC time to the second, six random hex digits. */
export const LIBRARY_ID = /^(run|import)-\d{14}-[0-9a-f]{6}$/;

export function newModelId(prefix: 'run' | 'import'): string {
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `${prefix}-${stamp}-${randomBytes(3).toString('hex')}`;
}
