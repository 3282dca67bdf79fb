/**
 * The training run's current weights through the AppService, as the Draw page asks for them: a 'run-weights' notice
 * at the start, at every epoch end and at a pause; getRunWeights gives the weights of the latest one (the pause's while
 * paused, the last epoch's at the end, which are the very weights saved to the library); refused in words when no run
 * goes on. The run's record keeps each epoch end's weight statistics.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ModelWeights, RunWeights, TrainingState } from '../../src/core/api/contract';
import { decodeModel } from '../../src/core/api/model-weights';
import type { RunRecord, RunSummary } from '../../src/core/api/run-history';
import { KERAS_TUTORIAL } from '../../src/core/api/train-config';
import type { WeightsPoint } from '../../src/core/api/training-events';
import { createPredictor } from '../../src/core/inference/forward';
import { AppService } from '../../src/core/service/app-service';

const BUNDLED = fileURLToPath(new URL('../../resources/models', import.meta.url));
const sigFig = (value: number): number => Number(value.toPrecision(4));

describe('the training run’s current weights through the app service', () => {
  it('notifies, hands out the latest weights while training or paused, and records their statistics per epoch', async () => {
    const userDir = mkdtempSync(join(tmpdir(), 'digit-studio-run-weights-'));
    const service = new AppService({ version: 'test', shell: 'web', userDir, bundledModelsDir: BUNDLED });
    const training = async () => ((await service.call('status', {})) as { training: TrainingState }).training;
    await expect(service.call('getRunWeights', {})).rejects.toThrow('no training run is in progress: its current weights are there only while it trains or is paused');
    await expect(service.call('getRunWeights', { epoch: 1 })).rejects.toThrow(/invalid getRunWeights request/);

    const notices: WeightsPoint[] = [];
    let whilePaused: RunWeights | null = null;
    let lastEpoch: RunWeights | null = null;
    service.onEvent((e) => {
      if (e.type === 'training' && e.event.event === 'start') void service.call('pauseTraining', {});
      if (e.type !== 'run-weights') return;
      notices.push(e.at);
      void (service.call('getRunWeights', {}) as Promise<RunWeights>).then((weights) => {
        if (e.at.paused) {
          whilePaused = weights;
          void service.call('resumeTraining', {});
        } else if (e.at.epoch === 2) lastEpoch = weights;
      });
    });
    await service.call('startTraining', { ...KERAS_TUTORIAL, hiddenUnits: [32], epochs: 2, limit: 2000, validationSplit: 0.1, backend: 'engine' });
    await expect.poll(async () => (await training()).running, { interval: 100, timeout: 120_000 }).toBe(false);
    await expect(service.call('getRunWeights', {})).rejects.toThrow('no training run is in progress');

    // 1800 training images in batches of 128: 15 per epoch; the pause asked for at the start lands after the first batch.
    const batches = Math.ceil(1800 / KERAS_TUTORIAL.batchSize);
    expect(notices).toEqual([
      { epoch: 0, batch: 0, batches, paused: false },
      { epoch: 1, batch: 1, batches, paused: true },
      { epoch: 1, batch: batches, batches, paused: false },
      { epoch: 2, batch: batches, batches, paused: false },
    ]);
    expect(whilePaused!.at).toEqual(notices[1]);
    const paused = decodeModel(whilePaused!);
    expect(createPredictor(paused)(new Float32Array(784).fill(0.5))).toHaveLength(10);

    const [summary] = (await service.call('listRuns', {})) as RunSummary[];
    const record = (await service.call('getRun', { id: summary.id })) as RunRecord;
    const saved = decodeModel((await service.call('getModel', { id: record.modelId! })) as ModelWeights);
    expect(decodeModel(lastEpoch!).weights).toEqual(saved.weights);
    expect(paused.weights[0].kernel).not.toEqual(saved.weights[0].kernel);

    expect(record.weights!.map((row) => row.epoch)).toEqual([0, 1, 2]);
    const [hidden, output] = record.weights![2].layers;
    expect([hidden.name, output.name]).toEqual(['dense', 'dense_1']);
    const kernel = Array.from(saved.weights[1].kernel);
    expect(output.kernel[0]).toBe(sigFig(Math.min(...kernel)));
    expect(output.kernel[6]).toBe(sigFig(Math.max(...kernel)));
    expect(output.kernel[7]).toBeCloseTo(kernel.reduce((a, b) => a + b, 0) / kernel.length, 4);
    // Fresh biases start at zero, and training moves them.
    expect(record.weights![0].layers[0].bias).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(hidden.bias![8]).toBeGreaterThan(0);

    // Continued one more epoch (paused at its start too): the weights are there from its start (epoch 2's), and the
    // run's statistics grow by epoch 3 only.
    notices.length = 0;
    await service.call('continueTraining', { id: record.modelId!, epochs: 1 });
    await expect.poll(async () => (await training()).running, { interval: 100, timeout: 120_000 }).toBe(false);
    const grown = (await service.call('getRun', { id: record.id })) as RunRecord;
    expect(grown.weights!.map((row) => row.epoch)).toEqual([0, 1, 2, 3]);
    expect(notices.map(({ epoch, paused }) => ({ epoch, paused }))).toEqual([
      { epoch: 2, paused: false },
      { epoch: 3, paused: true },
      { epoch: 3, paused: false },
    ]);

    // A record written before the statistics were kept still reads, without them.
    const { weights, ...older } = { ...record, id: 'run-20260101000000-abcdef', modelId: null };
    expect(weights).toHaveLength(3);
    writeFileSync(join(userDir, 'runs', `${older.id}.json`), JSON.stringify(older));
    expect(await service.call('getRun', { id: older.id })).toMatchObject({ id: older.id, history: record.history });
    expect(((await service.call('getRun', { id: older.id })) as RunRecord).weights).toBeUndefined();
  }, 180_000);
});
