/**
 * A save that fails at the end of training (a full disk, a read-only or missing user folder) loses nothing: the
 * trained model is kept in memory and reported, the session is left clean (not running, a new run possible), and
 * the model can be saved again, saved to another folder, discarded, or replaced by a new run.
 *
 * The full disk is ENOSPC injected below the code under test (helpers/full-disk). A read-only folder cannot be
 * made with chmod where the tests run as root (root writes anyway), so the unwritable user folder is a path under
 * a regular file: every write there fails with ENOTDIR, for any user, just as it would for a folder that is gone.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiEvent, ModelEntry, Responses, UnsavedModel } from '../../src/core/api/contract';
import { denseStackOf } from '../../src/core/api/layer-model';
import { RECOMMENDED } from '../../src/core/api/train-config';
import { openModelFile } from '../../src/core/formats/model-file';
import { AppService } from '../../src/core/service/app-service';
import { safeFileName } from '../../src/core/service/downloads';
import { disk, emptyDisk } from '../helpers/full-disk';

vi.mock('node:fs/promises', async (importOriginal) => (await import('../helpers/full-disk')).fullDiskFs(await importOriginal()));

afterEach(emptyDisk);

const BUNDLED = fileURLToPath(new URL('../../resources/models', import.meta.url));
const QUICK_RUN = { ...RECOMMENDED, epochs: 1, limit: 500, backend: 'wasm' as const };

function newService(userDir: string): { service: AppService; unsavedEvents: Array<UnsavedModel | null> } {
  const service = new AppService({ version: 'test', shell: 'web', userDir, bundledModelsDir: BUNDLED });
  const unsavedEvents: Array<UnsavedModel | null> = [];
  service.onEvent((e) => e.type === 'unsaved-model' && unsavedEvents.push(e.unsaved));
  return { service, unsavedEvents };
}

/** A user folder that cannot be written: its parent is a regular file. */
function unwritableUserDir(): { root: string; userDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'digit-studio-unsaved-'));
  writeFileSync(join(root, 'not-a-folder'), 'a file where the user folder should be');
  return { root, userDir: join(root, 'not-a-folder', 'Digit Studio') };
}

/** Starts a quick run and resolves with the unsaved model the failed save reports. */
async function trainAndFailToSave(service: AppService): Promise<UnsavedModel> {
  const reported = new Promise<UnsavedModel | null>((resolve) => {
    const settle = (outcome: UnsavedModel | null): void => {
      stop();
      resolve(outcome);
    };
    const stop = service.onEvent((e: ApiEvent) => {
      if (e.type === 'models-changed') settle(null);
      // A null here is the new run replacing the model the last one kept: wait on for this run's outcome.
      if (e.type === 'unsaved-model' && e.unsaved) settle(e.unsaved);
    });
  });
  await service.call('startTraining', QUICK_RUN);
  const unsaved = await reported;
  if (!unsaved) throw new Error('the model was saved; the test expected the save to fail');
  return unsaved;
}

const status = async (service: AppService) => ((await service.call('status', {})) as Responses['status']).training;
const failure = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => '',
    (e: unknown) => (e as Error).message,
  );

describe('a failed save after training', () => {
  it('on a full disk keeps the model, leaves the session clean, and saves it again once there is space', async () => {
    const userDir = mkdtempSync(join(tmpdir(), 'digit-studio-unsaved-'));
    const { service, unsavedEvents } = newService(userDir);
    disk.full = true;
    const unsaved = await trainAndFailToSave(service);
    expect(unsaved.name).toMatch(/^ADAM 128-128 · 1 epochs · \d+\.\d\d%$/);
    expect(unsaved.problem).toBe(`cannot write to the model library (${join(userDir, 'models')}): the disk is full (ENOSPC)`);
    expect(await status(service)).toMatchObject({ running: false, unsaved });
    expect(readdirSync(join(userDir, 'models'))).toEqual([]); // no half-written model, no staging folder

    // Still full: the model stays kept, with the problem of the latest try.
    expect(await failure(service.call('saveTrainedModel', {}))).toMatch(/^the model is still not saved: .*the disk is full \(ENOSPC\)$/);
    expect((await status(service)).unsaved).toEqual(unsaved);

    emptyDisk();
    const entry = (await service.call('saveTrainedModel', {})) as ModelEntry;
    expect(entry).toMatchObject({ name: unsaved.name, source: 'trained', params: 118_282 });
    expect(((await service.call('listModels', {})) as ModelEntry[]).map((m) => m.id)).toContain(entry.id);
    expect((await status(service)).unsaved).toBeNull();
    expect(unsavedEvents).toEqual([unsaved, unsaved, null]);
    expect(await failure(service.call('saveTrainedModel', {}))).toMatch(/^there is no unsaved model/);
  });

  it('in an unwritable user folder saves it as .h5 to a folder the user names, never replacing a file there', async () => {
    const { root, userDir } = unwritableUserDir();
    const { service } = newService(userDir);
    const unsaved = await trainAndFailToSave(service);
    expect(unsaved.problem).toMatch(/: a file is where the folder should be \(ENOTDIR\)$/);
    expect(await status(service)).toMatchObject({ running: false });

    const target = join(root, 'chosen');
    mkdirSync(target);
    for (const [directory, refusal] of [
      ['chosen', /^choose the folder by its full path/],
      [join(root, 'missing'), /is not an existing folder/],
      [join(root, 'not-a-folder'), /is not an existing folder/],
      [join(root, 'not-a-folder', 'below'), /is not an existing folder/],
    ] as const) {
      expect(await failure(service.call('saveTrainedModelTo', { directory }))).toMatch(refusal);
    }
    expect(await failure(service.call('saveTrainedModelTo', { directory: `${target}\n` }))).toMatch(/folder path has control characters/);
    expect((await status(service)).unsaved).toEqual(unsaved); // refusals keep it

    const taken = join(target, `${safeFileName(unsaved.name)}.h5`);
    writeFileSync(taken, "the user's own file");
    const { path } = (await service.call('saveTrainedModelTo', { directory: target })) as Responses['saveTrainedModelTo'];
    expect(path).toBe(join(target, `${safeFileName(unsaved.name)}-2.h5`));
    expect(readFileSync(taken, 'utf8')).toBe("the user's own file");
    const saved = await openModelFile(path);
    expect(denseStackOf(saved.layers).layers.map((l) => l.units)).toEqual([128, 128, 10]);
    expect(readdirSync(target).sort()).toEqual([`${safeFileName(unsaved.name)}-2.h5`, `${safeFileName(unsaved.name)}.h5`]);
    expect((await status(service)).unsaved).toBeNull();
  });

  it('is replaced by a new run (which reports it dropped), and can be discarded', async () => {
    const { userDir } = unwritableUserDir();
    const { service, unsavedEvents } = newService(userDir);
    const first = await trainAndFailToSave(service);
    const second = await trainAndFailToSave(service);
    expect(unsavedEvents).toEqual([first, null, second]);
    expect(await service.call('discardTrainedModel', {})).toEqual({ discarded: true });
    expect(await service.call('discardTrainedModel', {})).toEqual({ discarded: false });
    expect(await status(service)).toMatchObject({ running: false, unsaved: null });
    expect(unsavedEvents.at(-1)).toBeNull();
  });
});
