/**
 * The user's model library: trained and imported models (any Keras layer list the app runs: Dense stacks, CNNs) in
 * <userDir>/models/<id>/ (model file + meta.json), plus the read-only bundled models. Every model is checked by the
 * format readers before it is listed; an entry that fails a check is listed apart as damaged, with the reason, so the
 * rest of the library still opens.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join, sep } from 'node:path';
import { ApiError, type DamagedModel, type ModelEntry } from '../api/contract';
import { firstLine } from '../api/first-line';
import { ModelFileError } from '../formats/model-error';
import { openModelFile, writeModelFile } from '../formats/model-file';
import { parseModelJson } from '../formats/tfjs/model-json';
import { writeFileAtomic } from '../fs/atomic-write';
import type { LayerModel } from '../api/layer-model';
import { describeModel, modelSummary } from '../api/model-summary';
import { writeProblem } from './failure-message';
import type { ContinueFrom } from '../training/optimizer-state';
import { IMPORT_PREFIX, META_FILE, MODEL_FILE, OPTIMIZER_FILE, STAGING_PREFIX, TRASH_PREFIX, newModelId } from './library-layout';
import { DamagedModelError, readMeta } from './model-meta';
import { encodeOptimizerFile, readOptimizerFile } from './optimizer-file';

/** The uploaded weights file's name in the temp folder, beside `upload.json`. */
const WEIGHTS_UPLOAD = 'upload.weights.bin';

type Meta = Omit<ModelEntry, 'path' | 'params' | 'layers' | 'summary'>;
type StoredModel = { entry: ModelEntry; model: LayerModel };

export class ModelStore {
  readonly modelsDir: string;
  private bundledModels: Promise<StoredModel[]> | null = null;

  constructor(
    userDir: string,
    private readonly bundledDir: string,
  ) {
    this.modelsDir = join(userDir, 'models');
  }

  private entry(meta: Meta, model: LayerModel, path: string): ModelEntry {
    const summary = modelSummary(model.layers);
    return { ...meta, params: summary.params, layers: describeModel(model.layers), summary, path };
  }

  /** The bundled models are read-only: read once, then served from memory (the Draw page's first model). */
  private bundled(): Promise<StoredModel[]> {
    this.bundledModels ??= this.readBundled();
    return this.bundledModels;
  }

  private async readBundled(): Promise<StoredModel[]> {
    // In name order: the Robust CNN (digit-cnn) first, the Draw page's default, then the MLP.
    const files = (await readdir(this.bundledDir).catch(() => [] as string[])).filter((f) => f.endsWith('.json') && !f.endsWith('.meta.json')).sort();
    const result = [];
    for (const file of files) {
      const path = join(this.bundledDir, file);
      const name = basename(file, '.json');
      const meta = JSON.parse(await readFile(join(this.bundledDir, `${name}.meta.json`), 'utf8').catch(() => '{}')) as Partial<Meta>;
      const model = await openModelFile(path);
      result.push({ entry: this.entry({ name, createdAt: '', testAccuracy: null, config: null, backend: null, ...meta, id: `bundled-${name}`, source: 'bundled' }, model, path), model });
    }
    return result;
  }

  /** The library's own entries; dot-named ones are imports, saves and deletions in progress. */
  private async folders(): Promise<string[]> {
    return (await readdir(this.modelsDir).catch(() => [] as string[])).filter((name) => !name.startsWith('.'));
  }

  /** Reads one library entry; throws DamagedModelError (or the format reader's error) when it is not a usable model. */
  private async read(folder: string): Promise<StoredModel> {
    const dir = join(this.modelsDir, folder);
    const meta = await readMeta(dir, folder);
    const path = join(dir, MODEL_FILE);
    const model = await openModelFile(path);
    return { entry: this.entry(meta, model, path), model };
  }

  /** Every usable model (bundled first, then newest first) and every damaged entry with its reason. */
  async scan(): Promise<{ models: ModelEntry[]; damaged: DamagedModel[] }> {
    const models = (await this.bundled()).map((b) => b.entry);
    const damaged: DamagedModel[] = [];
    for (const folder of await this.folders()) {
      try {
        models.push((await this.read(folder)).entry);
      } catch (error) {
        const path = join(this.modelsDir, folder);
        // The entry's path is shown beside the reason: name its files relative to it ("model.json: …").
        const reason = firstLine(error).replaceAll(path + sep, '');
        damaged.push({ folder, path, reason });
      }
    }
    // Bundled first in their own order (a stable sort keeps it), then the user's newest first.
    const bundledFirst = (a: ModelEntry, b: ModelEntry): number => Number(b.source === 'bundled') - Number(a.source === 'bundled');
    models.sort((a, b) => bundledFirst(a, b) || (a.source === 'bundled' ? 0 : b.createdAt.localeCompare(a.createdAt)));
    return { models, damaged };
  }

  async list(): Promise<ModelEntry[]> {
    return (await this.scan()).models;
  }

  /** Whether the library holds a model of that id (bundled, or a folder of that name): cheap, nothing is read. */
  async has(id: string): Promise<boolean> {
    if (id.startsWith('bundled-')) return (await this.bundled()).some((b) => b.entry.id === id);
    if (!/^[a-z0-9-]{1,64}$/.test(id)) return false;
    return stat(join(this.modelsDir, id)).then((s) => s.isDirectory(), () => false);
  }

  async get(id: string): Promise<StoredModel> {
    if (id.startsWith('bundled-')) {
      const found = (await this.bundled()).find((b) => b.entry.id === id);
      if (!found) throw new ApiError(`model ${id} does not exist`);
      return found;
    }
    const isFolder = await stat(join(this.modelsDir, id)).then((s) => s.isDirectory(), () => false);
    if (!isFolder) throw new ApiError(`model ${id} does not exist`);
    try {
      return await this.read(id);
    } catch (error) {
      if (error instanceof DamagedModelError) throw new ApiError(`model ${id} is damaged (${error.message}): remove it on the Models page`);
      throw error;
    }
  }

  /**
   * Writes the model and its meta.json into a staging folder that is renamed to the model's id only once both
   * are complete: a kill or a full disk at any point leaves either no new model or the whole one, never a
   * half-written folder in the list (a staging folder left by a kill is swept at the next start). A failure is
   * told as the library's, in words, never naming the staging folder.
   */
  private async add(model: LayerModel, meta: Omit<Meta, 'id' | 'createdAt'>, prefix: 'run' | 'import', optimizer?: ContinueFrom): Promise<ModelEntry> {
    const id = newModelId(prefix);
    const full: Meta = { ...meta, id, createdAt: new Date().toISOString() };
    const staging = join(this.modelsDir, `${STAGING_PREFIX}${id}`);
    try {
      await mkdir(this.modelsDir, { recursive: true });
      await mkdir(staging);
      await writeModelFile(model, join(staging, MODEL_FILE));
      await writeFileAtomic(join(staging, META_FILE), JSON.stringify(full, null, 2));
      if (optimizer) await writeFileAtomic(join(staging, OPTIMIZER_FILE), encodeOptimizerFile(optimizer));
      await rename(staging, join(this.modelsDir, id));
    } catch (error) {
      // What failed is reported, not the cleanup (which fails too where the library folder cannot be reached).
      await rm(staging, { recursive: true, force: true }).catch(() => undefined);
      throw this.writeError(error);
    }
    return this.entry(full, model, join(this.modelsDir, id, MODEL_FILE));
  }

  private writeError(error: unknown): ApiError {
    return new ApiError(`cannot write to the model library (${this.modelsDir}): ${writeProblem(error)}`);
  }

  /** A trained model, with its optimizer state when it can be continued (written in the same staging folder). */
  addTrained(model: LayerModel, meta: Pick<Meta, 'name' | 'testAccuracy' | 'config' | 'backend'>, optimizer?: ContinueFrom): Promise<ModelEntry> {
    return this.add(model, { ...meta, source: 'trained' }, 'run', optimizer);
  }

  /** The optimizer state a library model was saved with, or null (bundled, imported, or saved before it was kept). */
  async optimizerState(id: string): Promise<ContinueFrom | null> {
    const { entry } = await this.get(id);
    if (entry.source !== 'trained') return null;
    try {
      return await readOptimizerFile(join(this.modelsDir, id));
    } catch (error) {
      throw new ApiError(`model ${id} cannot be continued: ${(error as Error).message}`);
    }
  }

  /** Checks an uploaded file with the format readers in a temp folder before it enters the library. */
  async import(fileName: string, data: Uint8Array, weightsData?: Uint8Array): Promise<ModelEntry> {
    const ext = extname(fileName).toLowerCase();
    const temp = await this.importFolder();
    try {
      const path = join(temp, `upload${ext}`);
      await writeFile(path, data);
      if (weightsData) await writeFile(join(temp, WEIGHTS_UPLOAD), weightsData);
      if (ext === '.json') {
        // Checked before it is used, and reported under the name the user knows: the manifest and the compile metadata.
        const { weightsFiles } = parseModelJson(Buffer.from(data).toString('utf8'), fileName);
        // A model.json names its weights file; in an upload it travels separately.
        if (!weightsData) throw new ApiError(`${fileName} needs its weights file (${weightsFiles.join(', ')}): open both files together`);
        await rewriteWeightsPath(path);
      }
      const model = await openModelFile(path);
      return await this.add(model, { name: basename(fileName, ext), source: 'imported', testAccuracy: null, config: null, backend: null }, 'import');
    } catch (error) {
      throw this.uploadError(error, fileName, temp);
    } finally {
      await rm(temp, { recursive: true, force: true }).catch(() => undefined); // else swept at the next start
    }
  }

  /** A fresh working folder for one upload, never listed (dot-named). */
  private async importFolder(): Promise<string> {
    try {
      await mkdir(this.modelsDir, { recursive: true });
      return await mkdtemp(join(this.modelsDir, IMPORT_PREFIX));
    } catch (error) {
      throw this.writeError(error);
    }
  }

  /** A failed import told under the names the user knows: the file they opened, never the temp copy's path. */
  private uploadError(error: unknown, fileName: string, temp: string): unknown {
    if ((error as NodeJS.ErrnoException).code) return this.writeError(error); // writing the temp copy
    if (!(error instanceof ModelFileError)) return error;
    const named = error.message
      .replaceAll(temp + sep, '')
      .replaceAll(WEIGHTS_UPLOAD, 'its weights file')
      .replaceAll(`upload${extname(fileName).toLowerCase()}`, fileName);
    return new ModelFileError(fileName, named.startsWith(`${fileName}: `) ? named.slice(fileName.length + 2) : named);
  }

  async delete(id: string): Promise<void> {
    if (id.startsWith('bundled-')) throw new ApiError('bundled models cannot be deleted');
    await this.get(id);
    await this.discard(id);
  }

  /** Removes a damaged entry; a usable model is refused here (it has its own Delete). */
  async removeDamaged(folder: string): Promise<void> {
    if (!(await this.folders()).includes(folder)) throw new ApiError(`${folder} is not in the model library`);
    const usable = await this.read(folder).then(
      () => true,
      () => false,
    );
    if (usable) throw new ApiError(`${folder} is a usable model, not a damaged one: delete it with its Delete button`);
    await this.discard(folder);
  }

  /** Renames the entry away first, so a half-deleted folder is never listed, then removes it. */
  private async discard(folder: string): Promise<void> {
    const trash = join(this.modelsDir, `${TRASH_PREFIX}${randomBytes(6).toString('hex')}`);
    await rename(join(this.modelsDir, folder), trash);
    await rm(trash, { recursive: true, force: true });
  }
}

/** Points an uploaded model.json at the weights file saved beside it. */
async function rewriteWeightsPath(path: string): Promise<void> {
  const json = JSON.parse(await readFile(path, 'utf8')) as { weightsManifest?: Array<{ paths: string[] }> };
  if (json.weightsManifest?.length === 1) json.weightsManifest[0].paths = [`./${WEIGHTS_UPLOAD}`];
  await writeFile(path, JSON.stringify(json));
}
