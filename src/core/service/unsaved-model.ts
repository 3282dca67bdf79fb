/**
 * The trained model that could not be saved to the library (full disk, read-only or missing user folder). It is
 * kept in memory so the run is not lost, until it is saved again, saved to a folder the user chooses, discarded,
 * or replaced by the next run. The owner reports each change; nothing here throws past a failed save.
 */
import { lstat, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { ApiError, type ModelEntry, type UnsavedModel } from '../api/contract';
import { writeModelFile } from '../formats/model-file';
import type { LayerModel } from '../api/layer-model';
import type { ContinueFrom } from '../training/optimizer-state';
import { safeFileName } from './downloads';
import { userMessage, writeProblem } from './failure-message';
import type { ModelStore } from './model-store';

type TrainedMeta = Parameters<ModelStore['addTrained']>[1];
type Kept = { model: LayerModel; meta: TrainedMeta; optimizer?: ContinueFrom; problem: string };

/** `<base>.h5`, or `<base>-2.h5`, `<base>-3.h5`, …: the first name not taken, so no file of the user's is replaced. */
async function freePath(directory: string, base: string): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const path = join(directory, n === 1 ? `${base}.h5` : `${base}-${n}.h5`);
    if (!(await lstat(path).then(() => true, () => false))) return path;
  }
  throw new ApiError(`${directory} already holds 999 files named ${base}: choose another folder`);
}

export class UnsavedModelKeeper {
  private kept: Kept | null = null;

  constructor(private readonly store: ModelStore) {}

  get state(): UnsavedModel | null {
    return this.kept && { name: this.kept.meta.name, problem: this.kept.problem };
  }

  /** Saves a finished run's model to the library: its entry when saved, null when kept here after a failure. */
  async save(model: LayerModel, meta: TrainedMeta, optimizer?: ContinueFrom): Promise<ModelEntry | null> {
    try {
      return await this.store.addTrained(model, meta, optimizer);
    } catch (error) {
      this.kept = { model, meta, optimizer, problem: userMessage(error) };
      return null;
    }
  }

  private current(): Kept {
    if (!this.kept) throw new ApiError('there is no unsaved model: it was saved, discarded or replaced by a new run');
    return this.kept;
  }

  /** Drops `kept` once it is safe on disk, unless a newer model replaced it meanwhile. */
  private settle(kept: Kept): void {
    if (this.kept === kept) this.kept = null;
  }

  /** "Save again": another try at the library; on failure the model stays kept with the new problem. */
  async saveAgain(): Promise<ModelEntry> {
    const kept = this.current();
    try {
      const entry = await this.store.addTrained(kept.model, kept.meta, kept.optimizer);
      this.settle(kept);
      return entry;
    } catch (error) {
      const problem = userMessage(error);
      if (this.kept === kept) this.kept = { ...kept, problem };
      throw new ApiError(`the model is still not saved: ${problem}`);
    }
  }

  /** "Save as…": a Keras .h5 in an existing folder the user named, written atomically under a free name. */
  async saveTo(directory: string): Promise<{ path: string }> {
    const kept = this.current();
    if (!isAbsolute(directory)) throw new ApiError(`choose the folder by its full path (such as /home/me/models), not ${JSON.stringify(directory)}`);
    const isFolder = await stat(directory).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isFolder) throw new ApiError(`${directory} is not an existing folder: choose another one`);
    const path = await freePath(directory, safeFileName(kept.meta.name));
    try {
      await writeModelFile(kept.model, path);
    } catch (error) {
      throw new ApiError(`cannot save to ${directory}: ${writeProblem(error)}: choose another folder`);
    }
    this.settle(kept);
    return { path };
  }

  /** Drops the kept model (the user's choice, or a new run replacing it); false when none was kept. */
  discard(): boolean {
    const had = this.kept !== null;
    this.kept = null;
    return had;
  }
}
