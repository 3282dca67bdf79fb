import { describe, expect, it } from 'vitest';
import { RECOMMENDED, KERAS_TUTORIAL, type TrainConfig } from '../../src/core/api/train-config';
import type { TrainingEvent } from '../../src/core/api/training-events';
import { TrainingBusyError, TrainingSession } from '../../src/core/training';

async function run(config: TrainConfig, onEvent?: (e: TrainingEvent, session: TrainingSession) => void) {
  const session = new TrainingSession();
  const events: TrainingEvent[] = [];
  const result = await session.start(config, (e) => {
    events.push(e);
    onEvent?.(e, session);
  });
  return { events, result, session };
}

describe('training session (worker thread)', () => {
  it('a seeded epoch on the first 6,000 images reaches ≥ 0.80 validation accuracy, with Keras-named events in order', async () => {
    const { events, result } = await run({ ...RECOMMENDED, epochs: 1, limit: 6000, seed: 3, backend: 'wasm' });
    const kinds = events.map((e) => e.event);
    expect(kinds[0]).toBe('start');
    expect(kinds.at(-1)).toBe('done');
    expect(kinds.at(-2)).toBe('epoch');
    expect(kinds.slice(1, -2).every((k) => k === 'batch')).toBe(true);
    expect(events.every((e) => e.backend === 'wasm')).toBe(true);
    const start = events[0] as Extract<TrainingEvent, { event: 'start' }>;
    expect([start.train_samples, start.val_samples, start.test_samples]).toEqual([4800, 1200, 10_000]);
    const epoch = events.at(-2) as Extract<TrainingEvent, { event: 'epoch' }>;
    expect(Object.keys(epoch)).toEqual(expect.arrayContaining(['loss', 'accuracy', 'val_loss', 'val_accuracy', 'seconds']));
    expect(epoch.val_accuracy).toBeGreaterThanOrEqual(0.8);
    const batches = events.filter((e): e is Extract<TrainingEvent, { event: 'batch' }> => e.event === 'batch');
    expect(batches.at(-1)?.batch).toBe(75); // 4800 / 64
    expect(batches.every((b, i) => i === 0 || b.batch > batches[i - 1].batch)).toBe(true);
    expect(result.final).toMatchObject({ event: 'done', stopped: 'completed', epochs_completed: 1 });
    expect(result.model?.weights[0].kernel.length).toBe(784 * 128);
  });

  it('the same seed gives the same run on the same backend', async () => {
    const config: TrainConfig = { ...KERAS_TUTORIAL, epochs: 1, limit: 1000, seed: 11, backend: 'wasm' };
    const a = await run(config);
    const b = await run(config);
    const epochOf = (events: TrainingEvent[]) => events.find((e) => e.event === 'epoch');
    expect(epochOf(a.events)).toMatchObject({ loss: (epochOf(b.events) as { loss: number }).loss });
    expect(Array.from(a.result.model!.weights[2].bias)).toEqual(Array.from(b.result.model!.weights[2].bias));
  });

  it('cancel stops within one batch and keeps the weights trained so far', async () => {
    let cancelledAt = 0;
    const { events, result } = await run({ ...KERAS_TUTORIAL, epochs: 5, limit: 20_000, batchSize: 32, backend: 'wasm' }, (e, session) => {
      if (e.event === 'batch' && e.batch >= 20 && cancelledAt === 0) {
        cancelledAt = e.batch;
        session.cancel();
      }
    });
    const lastBatch = events.filter((e) => e.event === 'batch').at(-1) as { batch: number; epoch: number };
    expect(lastBatch.epoch).toBe(1);
    // The stop flag is read after every batch; events are throttled, so allow the batches trained in one event interval.
    expect(lastBatch.batch - cancelledAt).toBeLessThanOrEqual(12);
    expect(result.final).toMatchObject({ event: 'done', stopped: 'cancelled', epochs_completed: 0 });
    expect(result.model).not.toBeNull();
  });

  it('a NaN loss (learning rate 1e6) stops the run with a clear message and keeps the last good weights', async () => {
    const { events, result } = await run({ ...KERAS_TUTORIAL, epochs: 3, limit: 2000, learningRate: 1e6, backend: 'wasm' });
    expect(events.at(-1)?.event).toBe('failed');
    expect(result.final.event).toBe('failed');
    expect((result.final as { message: string }).message).toMatch(/NaN or infinite.*learning rate 1000000 is probably too high/);
    const weights = result.model!.weights.flatMap((w) => [...w.kernel, ...w.bias]);
    expect(weights.every(Number.isFinite)).toBe(true);
  });

  it('a second start while one runs is refused', async () => {
    const session = new TrainingSession();
    const first = session.start({ ...KERAS_TUTORIAL, epochs: 1, limit: 500, backend: 'wasm' }, () => {});
    expect(() => session.start({ ...KERAS_TUTORIAL, epochs: 1, limit: 500 }, () => {})).toThrow(TrainingBusyError);
    expect((await first).final.event).toBe('done');
    expect(session.running).toBe(false);
  });

  it('an unavailable backend fails with a message naming it', async () => {
    const { result } = await run({ ...KERAS_TUTORIAL, epochs: 1, limit: 500, backend: 'tensorflow' });
    // Where tfjs-node is installed this run succeeds instead, which is right too.
    if (result.final.event === 'failed') expect(result.final.message).toMatch(/native TensorFlow \(tfjs-node\) is not available/);
    else expect(result.final.backend).toBe('tensorflow');
  });
});
