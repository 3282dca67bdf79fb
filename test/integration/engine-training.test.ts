/**
 * The engine through the real training session (worker thread), against the tfjs path: same events, same
 * seeded start and data order, so the same metrics; NaN guard, cancel, determinism.
 */
import { denseLayers } from '../../src/core/api/layer-model';
import { describe, expect, it } from 'vitest';
import { mlpSpec } from '../../src/core/api/model-spec';
import { KERAS_TUTORIAL, RECOMMENDED, type TrainConfig } from '../../src/core/api/train-config';
import type { EpochEvent, TrainingEvent } from '../../src/core/api/training-events';
import { TrainingSession } from '../../src/core/training';
import { glorotUniform } from '../../src/core/training/engine/init';

async function run(config: TrainConfig, onEvent?: (e: TrainingEvent, session: TrainingSession) => void) {
  const session = new TrainingSession();
  const events: TrainingEvent[] = [];
  const result = await session.start(config, (e) => {
    events.push(e);
    onEvent?.(e, session);
  });
  return { events, result };
}

const epochs = (events: TrainingEvent[]): EpochEvent[] => events.filter((e): e is EpochEvent => e.event === 'epoch');

describe('engine training session', () => {
  it('emits the tfjs path events: start, batches in order, epoch, done, all named engine', async () => {
    const { events, result } = await run({ ...RECOMMENDED, epochs: 1, limit: 6000, seed: 3, backend: 'engine' });
    expect(events.map((e) => e.event)).toEqual(['start', ...Array(events.length - 3).fill('batch'), 'epoch', 'done']);
    expect(events.every((e) => e.backend === 'engine')).toBe(true);
    expect(events[0]).toMatchObject({ train_samples: 4800, val_samples: 1200, test_samples: 10_000, params: 118_282 });
    const batches = events.filter((e): e is Extract<TrainingEvent, { event: 'batch' }> => e.event === 'batch');
    expect(batches.at(-1)).toMatchObject({ batch: 75, batches: 75, epoch: 1 });
    expect(batches.every((b, i) => i === 0 || b.batch > batches[i - 1].batch)).toBe(true);
    expect(Object.keys(epochs(events)[0]).sort()).toEqual(['accuracy', 'backend', 'epoch', 'epochs', 'event', 'loss', 'seconds', 'val_accuracy', 'val_loss'].sort());
    expect(epochs(events)[0].val_accuracy).toBeGreaterThanOrEqual(0.8);
    expect(result.final).toMatchObject({ event: 'done', stopped: 'completed', epochs_completed: 1 });
    expect(result.model?.compile).toEqual({ optimizer: 'adam', learningRate: 0.001, loss: 'categorical_crossentropy' });
  });

  it('matches the tfjs-wasm path run for run: same seed and data give the same curve and accuracy after 2 epochs', async () => {
    // The first 6,000 images keep the tfjs side short; the full 60,000 agree the same way (see the engine's report).
    const config: TrainConfig = { ...KERAS_TUTORIAL, epochs: 2, limit: 6000, seed: 7, backend: 'engine' };
    const engine = await run(config);
    const tfjs = await run({ ...config, backend: 'wasm' });
    const [e, t] = [epochs(engine.events), epochs(tfjs.events)];
    expect(e).toHaveLength(2);
    e.forEach((epoch, i) => {
      expect(Math.abs(epoch.loss - t[i].loss) / t[i].loss).toBeLessThan(1e-3);
      expect(Math.abs(epoch.val_loss! - t[i].val_loss!) / t[i].val_loss!).toBeLessThan(1e-3);
      expect(Math.abs(epoch.accuracy - t[i].accuracy)).toBeLessThanOrEqual(0.005);
    });
    const [doneE, doneT] = [engine.result.final, tfjs.result.final] as Array<{ test_accuracy: number; test_loss: number }>;
    expect(Math.abs(doneE.test_accuracy - doneT.test_accuracy)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(doneE.test_loss - doneT.test_loss) / doneT.test_loss).toBeLessThan(1e-3);
  });

  it('the same seed gives the same run, to the bit', async () => {
    const config: TrainConfig = { ...KERAS_TUTORIAL, epochs: 2, limit: 3000, seed: 11, optimizer: 'momentum', backend: 'engine' };
    const [a, b] = [await run(config), await run(config)];
    expect(epochs(a.events).map((e) => [e.loss, e.val_loss])).toEqual(epochs(b.events).map((e) => [e.loss, e.val_loss]));
    a.result.model!.weights.forEach((w, i) => {
      expect(Buffer.from(w.kernel.buffer).equals(Buffer.from(b.result.model!.weights[i].kernel.buffer))).toBe(true);
    });
  });

  it('cancel stops within one batch and keeps the weights trained so far', async () => {
    let cancelledAt = 0;
    const { events, result } = await run({ ...KERAS_TUTORIAL, epochs: 5, limit: 20_000, batchSize: 32, backend: 'engine' }, (e, session) => {
      if (e.event === 'batch' && e.batch >= 20 && cancelledAt === 0) {
        cancelledAt = e.batch;
        session.cancel();
      }
    });
    const lastBatch = events.filter((e) => e.event === 'batch').at(-1) as { batch: number; epoch: number };
    expect(lastBatch.epoch).toBe(1);
    // Events are throttled to one per 100 ms, so the flag lands while later batches run; it is read after each one.
    expect(lastBatch.batch - cancelledAt).toBeLessThanOrEqual(200);
    expect(result.final).toMatchObject({ event: 'done', stopped: 'cancelled', epochs_completed: 0 });
    expect(result.model!.weights[0].kernel).not.toEqual(glorotUniform(denseLayers(mlpSpec([128, 128])), KERAS_TUTORIAL.seed)[0].kernel);
  });

  it('a NaN loss (learning rate 1e6) fails with the tfjs path message and keeps the last good, finite weights', async () => {
    const { events, result } = await run({ ...KERAS_TUTORIAL, epochs: 3, limit: 2000, learningRate: 1e6, backend: 'engine' });
    expect(events.at(-1)?.event).toBe('failed');
    expect(result.final).toMatchObject({ event: 'failed', backend: 'engine', epochs_completed: 0 });
    expect((result.final as { message: string }).message).toMatch(/NaN or infinite at epoch 1.*learning rate 1000000 is probably too high\); kept the initial weights/);
    const weights = result.model!.weights.flatMap((w) => [...w.kernel, ...w.bias]);
    expect(weights.every(Number.isFinite)).toBe(true);
    expect(result.model!.weights[0].kernel).toEqual(glorotUniform(denseLayers(mlpSpec([128, 128])), KERAS_TUTORIAL.seed)[0].kernel);
  });

  it("'auto' trains on native TensorFlow where it is installed, else on the engine", async () => {
    const { events } = await run({ ...KERAS_TUTORIAL, epochs: 1, limit: 500, backend: 'auto' });
    expect(['tensorflow', 'engine']).toContain(events[0].backend);
  });
});
