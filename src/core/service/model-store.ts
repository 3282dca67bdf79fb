/**
 * The user's model library: trained and imported models in <userDir>/models/<id>/ (model file + meta.json),
 * plus the read-only bundled models. Every model is checked by the format readers before it is listed.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { ApiError, type ModelEntry } from '../api/contract';
import { readModelFile, writeModelFile } from '../formats/model-file';
import { writeFileAtomic } from '../fs/atomic-write';
import { describeLayers, parameterCount, type TrainedModel } from '../model/spec';

const MODEL_FILE = 'model.json';
const META_FILE = 'meta.json';

type Meta = Omit<ModelEntry, 'path' | 'params' | 'layers'>;

function newId(prefix: string): string {
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `${prefix}-${stamp}-${randomBytes(3).toString('hex')}`;
}

export class ModelStore {
  private readonly modelsDir: string;
  private bundledModels: Promise<Array<{ entry: ModelEntry; model: TrainedModel }>> | null = null;

  constructor(
    userDir: string,
    private readonly bundledDir: string,
  ) {
    this.modelsDir = join(userDir, 'models');
  }

  private entry(meta: Meta, model: TrainedModel, path: string): ModelEntry {
    return { ...meta, params: parameterCount(model.spec), layers: describeLayers(model.spec), path };
  }

  /** The bundled models are read-only: read once, then served from memory (the Draw page's first model). */
  private bundled(): Promise<Array<{ entry: ModelEntry; model: TrainedModel }>> {
    this.bundledModels ??= this.readBundled();
    return this.bundledModels;
  }

  private async readBundled(): Promise<Array<{ entry: ModelEntry; model: TrainedModel }>> {
    const files = (await readdir(this.bundledDir).catch(() => [] as string[])).filter((f) => f.endsWith('.json') && !f.endsWith('.meta.json'));
    const result = [];
    for (const file of files) {
      const path = join(this.bundledDir, file);
      const name = basename(file, '.json');
      const meta = JSON.parse(await readFile(join(this.bundledDir, `${name}.meta.json`), 'utf8').catch(() => '{}')) as Partial<Meta>;
      const model = await readModelFile(path);
      result.push({ entry: this.entry({ name, createdAt: '', testAccuracy: null, config: null, backend: null, ...meta, id: `bundled-${name}`, source: 'bundled' }, model, path), model });
    }
    return result;
  }

  async list(): Promise<ModelEntry[]> {
    const entries = (await this.bundled()).map((b) => b.entry);
    const ids = await readdir(this.modelsDir).catch(() => [] as string[]);
    for (const id of ids) {
      if (id.startsWith('.')) continue; // imports and deletions in progress
      try {
        entries.push((await this.get(id)).entry);
      } catch (error) {
        // A damaged or incomplete model is reported and skipped, never shown half-made or fatal to the list.
        console.warn(`digit-studio: skipped model folder ${join(this.modelsDir, id)}: ${(error as Error).message}`);
      }
    }
    return entries.sort((a, b) => (a.source === 'bundled' ? -1 : b.source === 'bundled' ? 1 : b.createdAt.localeCompare(a.createdAt)));
  }

  async get(id: string): Promise<{ entry: ModelEntry; model: TrainedModel }> {
    if (id.startsWith('bundled-')) {
      const found = (await this.bundled()).find((b) => b.entry.id === id);
      if (!found) throw new ApiError(`model ${id} does not exist`);
      return found;
    }
    const dir = join(this.modelsDir, id);
    const path = join(dir, MODEL_FILE);
    let meta: Meta;
    try {
      meta = JSON.parse(await readFile(join(dir, META_FILE), 'utf8')) as Meta;
    } catch {
      throw new ApiError(`model ${id} does not exist`);
    }
    const model = await readModelFile(path);
    return { entry: this.entry(meta, model, path), model };
  }

  /** Writes the model into a fresh folder; meta.json goes last, so a folder without it is never listed. */
  private async add(model: TrainedModel, meta: Omit<Meta, 'id' | 'createdAt'>, prefix: string): Promise<ModelEntry> {
    const id = newId(prefix);
    const dir = join(this.modelsDir, id);
    await mkdir(dir, { recursive: true });
    const full: Meta = { ...meta, id, createdAt: new Date().toISOString() };
    try {
      await writeModelFile(model, join(dir, MODEL_FILE));
      await writeFileAtomic(join(dir, META_FILE), JSON.stringify(full, null, 2));
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    return this.entry(full, model, join(dir, MODEL_FILE));
  }

  addTrained(model: TrainedModel, meta: Pick<Meta, 'name' | 'testAccuracy' | 'config' | 'backend'>): Promise<ModelEntry> {
    return this.add(model, { ...meta, source: 'trained' }, 'run');
  }

  /** Checks an uploaded file with the format readers in a temp folder before it enters the library. */
  async import(fileName: string, data: Uint8Array, weightsData?: Uint8Array): Promise<ModelEntry> {
    const ext = extname(fileName).toLowerCase();
    await mkdir(this.modelsDir, { recursive: true });
    const temp = await mkdtemp(join(this.modelsDir, '.import-'));
    try {
      const path = join(temp, `upload${ext}`);
      await writeFile(path, data);
      if (weightsData) await writeFile(join(temp, 'upload.weights.bin'), weightsData);
      if (ext === '.json' && !weightsData) {
        // A model.json names its weights file; in an upload it travels separately.
        const manifest = JSON.parse(Buffer.from(data).toString('utf8')) as { weightsManifest?: Array<{ paths?: string[] }> };
        const paths = manifest.weightsManifest?.flatMap((g) => g.paths ?? []) ?? [];
        if (paths.length) throw new ApiError(`${fileName} needs its weights file (${paths.join(', ')}): open both files together`);
      }
      if (ext === '.json' && weightsData) await rewriteWeightsPath(path);
      const model = await readModelFile(path);
      return await this.add(model, { name: basename(fileName, ext), source: 'imported', testAccuracy: null, config: null, backend: null }, 'import');
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  }

  async delete(id: string): Promise<void> {
    if (id.startsWith('bundled-')) throw new ApiError('bundled models cannot be deleted');
    const dir = join(this.modelsDir, id);
    await this.get(id);
    // Rename first so a half-deleted folder is never listed as a model.
    const trash = join(this.modelsDir, `.deleted-${id}`);
    await rename(dir, trash);
    await rm(trash, { recursive: true, force: true });
  }
}

/** Points an uploaded model.json at the weights file saved beside it. */
async function rewriteWeightsPath(path: string): Promise<void> {
  const json = JSON.parse(await readFile(path, 'utf8')) as { weightsManifest?: Array<{ paths: string[] }> };
  if (json.weightsManifest?.length === 1) json.weightsManifest[0].paths = ['./upload.weights.bin'];
  await writeFile(path, JSON.stringify(json));
}
