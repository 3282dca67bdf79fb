/**
 * "Continue this model for N more epochs" through the AppService: a model trained in the app is saved with its
 * optimizer state (optimizer.json, written in the same staging folder as the model); continuing it appends to the
 * same run's History and ends where one uninterrupted run of all the epochs ends (engine, to the bit: the stored
 * state loses nothing). Models that cannot be continued are refused in words.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ModelEntry, TrainingState } from '../../src/core/api/contract';
import type { RunRecord, RunSummary } from '../../src/core/api/run-history';
import { RECOMMENDED, type TrainConfig } from '../../src/core/api/train-config';
import { AppService } from '../../src/core/service/app-service';

const BUNDLED = fileURLToPath(new URL('../../resources/models', import.meta.url));
const CONFIG: TrainConfig = { ...RECOMMENDED, epochs: 1, limit: 2000, seed: 4, backend: 'engine' };

function newService(): AppService {
  return new AppService({ version: 'test', shell: 'web', userDir: mkdtempSync(join(tmpdir(), 'digit-studio-continue-')), bundledModelsDir: BUNDLED });
}

async function untilIdle(service: AppService): Promise<void> {
  const running = async () => ((await service.call('status', {})) as { training: TrainingState }).training.running;
  await expect.poll(running, { interval: 100, timeout: 120_000 }).toBe(false);
}

const trained = async (service: AppService) => ((await service.call('listModels', {})) as ModelEntry[]).filter((m) => m.source === 'trained');
const runs = async (service: AppService) => (await service.call('listRuns', {})) as RunSummary[];
const record = async (service: AppService, id: string) => (await service.call('getRun', { id })) as RunRecord;

describe('continuing a library model', () => {
  it('appends 2 epochs to its run and ends where one 3-epoch run ends; the state file travels with the model', async () => {
    const service = newService();
    await service.call('startTraining', CONFIG);
    await untilIdle(service);
    const [model] = await trained(service);
    const saved = JSON.parse(readFileSync(join(model.path, '..', 'optimizer.json'), 'utf8')) as { epochs: number; optimizer: { optimizer: string; iterations: number; slots: unknown[][] } };
    expect(saved.epochs).toBe(1);
    expect(saved.optimizer).toMatchObject({ optimizer: 'adam', iterations: 25 }); // 1,600 images in batches of 64
    expect(saved.optimizer.slots).toHaveLength(2);

    await service.call('continueTraining', { id: model.id, epochs: 2 });
    await expect(service.call('continueTraining', { id: model.id, epochs: 2 })).rejects.toThrow(/already in progress/);
    // A page opened now is told the epoch before this run, to chart the whole History.
    const during = ((await service.call('status', {})) as { training: TrainingState }).training;
    expect(during.priorHistory.map((h) => h.epoch)).toEqual([1]);
    await untilIdle(service);

    const [run] = await runs(service);
    expect(await runs(service)).toHaveLength(1); // the same run, grown
    const grown = await record(service, run.id);
    expect(grown.history.map((h) => h.epoch)).toEqual([1, 2, 3]);
    expect(grown).toMatchObject({ status: 'completed', config: { ...CONFIG, epochs: 3 } });
    const [continued] = (await trained(service)).filter((m) => m.id !== model.id);
    expect(grown.modelId).toBe(continued.id);
    expect(continued.name).toMatch(/· 3 epochs ·/);

    const whole = newService();
    await whole.call('startTraining', { ...CONFIG, epochs: 3 });
    await untilIdle(whole);
    const [wholeRun] = await runs(whole);
    const reference = await record(whole, wholeRun.id);
    expect(grown.history.map((h) => [h.loss, h.val_loss])).toEqual(reference.history.map((h) => [h.loss, h.val_loss]));
    expect(grown.test).toEqual(reference.test);
  });

  it('refuses a model it cannot continue, saying why', async () => {
    const service = newService();
    const bundled = ((await service.call('listModels', {})) as ModelEntry[]).find((m) => m.source === 'bundled')!;
    await expect(service.call('continueTraining', { id: bundled.id, epochs: 1 })).rejects.toThrow(/cannot be continued: only models trained in Digit Studio/);
    await expect(service.call('continueTraining', { id: 'run-20990101000000-abcdef', epochs: 1 })).rejects.toThrow('does not exist');
    await expect(service.call('continueTraining', { id: bundled.id, epochs: 0 })).rejects.toThrow(/invalid continueTraining request: epochs/);

    await service.call('startTraining', { ...CONFIG, limit: 500 });
    await untilIdle(service);
    const [model] = await trained(service);
    const stateFile = join(model.path, '..', 'optimizer.json');
    writeFileSync(stateFile, '{"epochs": 1}');
    await expect(service.call('continueTraining', { id: model.id, epochs: 1 })).rejects.toThrow(/cannot be continued: optimizer.json: optimizer/);
    rmSync(stateFile);
    await expect(service.call('continueTraining', { id: model.id, epochs: 1 })).rejects.toThrow(/saved without its optimizer state/);
  });
});
