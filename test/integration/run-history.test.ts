/**
 * Run history through the AppService: every run (completed, stopped, failed) is recorded in <userDir>/runs, listed
 * newest first with its summary, exported as Keras' CSVLogger writes it; a record left 'running' by a killed
 * process reads as interrupted, a damaged one is skipped. The CLI's `train --history` writes the same CSV.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ApiEvent, FileDownload } from '../../src/core/api/contract';
import { HISTORY_CSV_COLUMNS, type RunRecord, type RunSummary } from '../../src/core/api/run-history';
import { KERAS_TUTORIAL, type TrainConfig } from '../../src/core/api/train-config';
import type { DoneEvent, EpochEvent, TrainingEvent } from '../../src/core/api/training-events';
import { AppService } from '../../src/core/service/app-service';
import { jsonLines, runCli } from '../helpers/run-cli';

const BUNDLED = fileURLToPath(new URL('../../resources/models', import.meta.url));
const SHORT: TrainConfig = { ...KERAS_TUTORIAL, epochs: 2, limit: 2000, backend: 'engine' };

const userDir = mkdtempSync(join(tmpdir(), 'digit-studio-runs-'));
const service = new AppService({ version: 'test', shell: 'web', userDir, bundledModelsDir: BUNDLED });
const runsChanged: number[] = [];
service.onEvent((e) => e.type === 'runs-changed' && runsChanged.push(Date.now()));

/** Starts a run and waits until it is over (its record written); `onEpoch` may stop it. */
async function trainToEnd(config: TrainConfig, onEpoch?: () => void): Promise<TrainingEvent[]> {
  const events: TrainingEvent[] = [];
  const off = service.onEvent((e: ApiEvent) => {
    if (e.type !== 'training') return;
    events.push(e.event);
    if (e.event.event === 'epoch') onEpoch?.();
  });
  await service.call('startTraining', config);
  await expect
    .poll(async () => ((await service.call('status', {})) as { training: { running: boolean } }).training.running, { interval: 100, timeout: 120_000 })
    .toBe(false);
  off();
  return events;
}

const epochsOf = (events: TrainingEvent[]) => events.filter((e): e is EpochEvent => e.event === 'epoch');
const list = async () => (await service.call('listRuns', {})) as RunSummary[];
const decode = (download: FileDownload) => Buffer.from(download.data, 'base64').toString('utf8');

/**
 * The record's statistics of the initial weights (epoch 0), even for a run that failed: the first Dense kernel of a
 * 784 → 128 … MLP drawn as Keras' Glorot uniform over ±√(6 / (784 + 128)), whose standard deviation is that limit
 * over √3 (statistics in WEIGHT_STAT_NAMES order).
 */
function expectGlorotStart(record: RunRecord): void {
  const [initial] = record.weights!;
  expect(initial.epoch).toBe(0);
  const [min, , , , , , max, , std] = initial.layers[0].kernel;
  const limit = Math.sqrt(6 / (784 + 128));
  expect(Math.max(-min, max)).toBeLessThanOrEqual(limit + 1e-5);
  expect(Math.min(-min, max)).toBeGreaterThan(0.99 * limit);
  expect(std).toBeCloseTo(limit / Math.sqrt(3), 3);
}

describe('run history', () => {
  const runs: Array<{ events: TrainingEvent[]; id?: string }> = [];

  it('records two short runs, listed newest first with summaries computed from their History', async () => {
    const before = runsChanged.length;
    runs.push({ events: await trainToEnd(SHORT) });
    runs.push({ events: await trainToEnd({ ...SHORT, learningRate: 0.05, seed: 2 }) });
    // Created, grew by two epochs, ended: for each run.
    expect(runsChanged.length - before).toBeGreaterThanOrEqual(8);

    const summaries = await list();
    expect(summaries).toHaveLength(2);
    expect(summaries.map((s) => s.learningRate)).toEqual([0.05, 0.01]); // newest first
    for (const [i, summary] of summaries.entries()) {
      const events = runs[1 - i].events;
      runs[1 - i].id = summary.id;
      const epochs = epochsOf(events);
      const done = events.find((e): e is DoneEvent => e.event === 'done')!;
      const best = Math.max(...epochs.map((e) => e.val_accuracy!));
      expect(summary).toMatchObject({
        status: 'completed',
        layers: '784 → 128 relu → 128 relu → 10 softmax',
        optimizer: 'sgd',
        batchSize: 64,
        epochsPlanned: 2,
        epochsCompleted: 2,
        augment: false,
        bestValAccuracy: best,
        bestEpoch: epochs.find((e) => e.val_accuracy === best)!.epoch,
        testAccuracy: done.test_accuracy,
        backend: 'engine',
      });
      expect(summary.id).toMatch(/^run-\d{14}-[0-9a-f]{6}$/);
      expect(summary.durationSeconds).toBeGreaterThan(0);
      expect(summary.modelId).not.toBeNull();
    }
    const models = (await service.call('listModels', {})) as Array<{ id: string }>;
    expect(models.map((m) => m.id)).toEqual(expect.arrayContaining(summaries.map((s) => s.modelId)));

    const record = (await service.call('getRun', { id: runs[0].id! })) as RunRecord;
    expect(record.config).toEqual(SHORT);
    expect(record).toMatchObject({ status: 'completed', reason: null, threads: 1 });
    expect(record.endedAt).not.toBeNull();
    expect(record.history.map((h) => [h.epoch, h.loss, h.accuracy, h.val_loss, h.val_accuracy])).toEqual(
      epochsOf(runs[0].events).map((e) => [e.epoch, e.loss, e.accuracy, e.val_loss, e.val_accuracy]),
    );
    expect(record.batches.length).toBeGreaterThan(0);
    expect(record.test?.accuracy).toBeGreaterThan(0.2); // SGD 0.01 on 1,600 images for 2 epochs learns little, but learns
    expect(readdirSync(join(userDir, 'runs')).sort()).toEqual(summaries.map((s) => `${s.id}.json`).sort());
  });

  it("exports the History as Keras' CSVLogger writes it, and the whole record as JSON", async () => {
    const { id, events } = runs[0];
    const csv = (await service.call('exportRun', { id: id!, format: 'csv' })) as FileDownload;
    expect(csv.fileName).toBe(`${id}-history.csv`);
    const lines = decode(csv).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(HISTORY_CSV_COLUMNS.join(','));
    const rows = lines.slice(1, -1).map((line) => line.split(',').map(Number));
    expect(rows).toEqual(epochsOf(events).map((e, i) => [i, e.accuracy, e.loss, e.val_accuracy, e.val_loss]));

    const json = (await service.call('exportRun', { id: id!, format: 'json' })) as FileDownload;
    expect(json.fileName).toBe(`${id}-history.json`);
    expect(JSON.parse(decode(json))).toEqual(await service.call('getRun', { id: id! }));
  });

  it('a deleted model leaves its run without a model', async () => {
    const [newest] = await list();
    await service.call('deleteModel', { id: newest.modelId! });
    expect((await list())[0].modelId).toBeNull();
    expect(((await service.call('getRun', { id: newest.id })) as RunRecord).modelId).toBeNull();
  });

  it('a run stopped by the user says so', async () => {
    const events = await trainToEnd({ ...SHORT, epochs: 50 }, () => void service.call('stopTraining', {}));
    const [summary] = await list();
    expect(summary.status).toBe('stopped');
    expect(summary.epochsCompleted).toBe(epochsOf(events).length);
    expect(summary.epochsCompleted).toBeLessThan(50);
    expect(((await service.call('getRun', { id: summary.id })) as RunRecord).reason).toBe('stopped by the user');
  });

  it('a failed run (the loss turns NaN) says failed, with the message', async () => {
    const events = await trainToEnd({ ...SHORT, learningRate: 1e6 });
    const failed = events.find((e) => e.event === 'failed') as { message: string };
    const [summary] = await list();
    expect(summary).toMatchObject({ status: 'failed', modelId: null, testAccuracy: null });
    const record = (await service.call('getRun', { id: summary.id })) as RunRecord;
    expect(record.reason).toBe(failed.message);
    expect(record.reason).toMatch(/NaN or infinite/);
    expectGlorotStart(record);
  });

  it('a record left running by a killed process reads as interrupted; a damaged file is skipped', async () => {
    const otherDir = mkdtempSync(join(tmpdir(), 'digit-studio-runs-killed-'));
    mkdirSync(join(otherDir, 'runs'));
    // What a process killed after its first epoch leaves: the record as written after that epoch.
    const record = JSON.parse(readFileSync(join(userDir, 'runs', `${runs[0].id}.json`), 'utf8')) as RunRecord;
    const id = 'run-20260101000000-abcdef';
    const left: RunRecord = { ...record, id, status: 'running', endedAt: null, reason: null, test: null, modelId: null, history: record.history.slice(0, 1) };
    writeFileSync(join(otherDir, 'runs', `${id}.json`), JSON.stringify(left));
    writeFileSync(join(otherDir, 'runs', 'run-20260101000000-000000.json'), '{"id": "run-2026');
    writeFileSync(join(otherDir, 'runs', 'run-20260101000000-111111.json'), JSON.stringify({ ...left, id: 'run-20260101000000-111111', history: 'lots' }));
    const restarted = new AppService({ version: 'test', shell: 'web', userDir: otherDir, bundledModelsDir: BUNDLED });
    const summaries = (await restarted.call('listRuns', {})) as RunSummary[];
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toMatchObject({ id, status: 'interrupted', epochsCompleted: 1 });
    expect(((await restarted.call('getRun', { id })) as RunRecord).reason).toMatch(/stopped during the run/);
    await expect(restarted.call('getRun', { id: 'run-20260101000000-000000' })).rejects.toThrow(/cannot be read/);
    // A damaged record can still be deleted.
    await restarted.call('deleteRun', { id: 'run-20260101000000-000000' });
    expect(readdirSync(join(otherDir, 'runs')).sort()).toEqual([`${id}.json`, 'run-20260101000000-111111.json'].sort());
  });

  it('deleteRun removes a run and refuses bad or unknown ids', async () => {
    const { id } = runs[1];
    const before = runsChanged.length;
    expect(await service.call('deleteRun', { id: id! })).toEqual({ deleted: true });
    expect(runsChanged.length).toBe(before + 1);
    expect((await list()).map((s) => s.id)).not.toContain(id);
    await expect(service.call('getRun', { id: id! })).rejects.toThrow(/does not exist/);
    await expect(service.call('deleteRun', { id: id! })).rejects.toThrow(/does not exist/);
    await expect(service.call('deleteRun', { id: '../models' })).rejects.toThrow(/invalid deleteRun request: id: not a run id/);
    await expect(service.call('exportRun', { id: 'run-1', format: 'xml' })).rejects.toThrow(/invalid exportRun request/);
  });

  it('train --history x.csv writes the same CSV for the CLI run; .json the record; another extension is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'digit-studio-runs-cli-'));
    const csvPath = join(dir, 'x.csv');
    const result = await runCli(['train', '--epochs', '2', '--limit', '2000', '--backend', 'engine', '--json', '--history', csvPath]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const epochs = jsonLines(result.stdout).filter((e) => e.event === 'epoch') as unknown as EpochEvent[];
    const lines = readFileSync(csvPath, 'utf8').split('\r\n');
    expect(lines[0]).toBe('epoch,accuracy,loss,val_accuracy,val_loss');
    expect(lines.slice(1, -1).map((line) => line.split(',').map(Number))).toEqual(epochs.map((e, i) => [i, e.accuracy, e.loss, e.val_accuracy, e.val_loss]));

    const jsonPath = join(dir, 'x.json');
    const failed = await runCli(['train', '--epochs', '2', '--limit', '2000', '--backend', 'engine', '--learning-rate', '1e6', '--history', jsonPath]);
    expect(failed.code).toBe(1);
    const record = JSON.parse(readFileSync(jsonPath, 'utf8')) as RunRecord;
    expect(record).toMatchObject({ status: 'failed', backend: 'engine', modelId: null });
    expect(record.reason).toMatch(/NaN or infinite/);
    expectGlorotStart(record);

    const wrong = await runCli(['train', '--epochs', '1', '--history', join(dir, 'x.txt')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--history: expected a file name ending in .csv or .json/);
  });
});
