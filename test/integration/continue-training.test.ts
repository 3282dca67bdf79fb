/**
 * Continuing a run through the real training session: one epoch, then "one more epoch" from its weights and
 * optimizer state, ends exactly where the same seeded two-epoch run ends on the engine (Adam's moments and step
 * count, the data order and the augmented images of epoch 2 included), and within the engine-vs-tfjs agreement
 * when tfjs' WebAssembly backend reads and loads the state; the optimizer state matters (a fresh Adam lands elsewhere).
 */
import { describe, expect, it } from 'vitest';
import { RECOMMENDED, type TrainConfig } from '../../src/core/api/train-config';
import type { EpochEvent, TrainingEvent } from '../../src/core/api/training-events';
import { TrainingSession, type TrainingResult } from '../../src/core/training';
import type { TrainingInputs } from '../../src/core/training/worker-protocol';

const CONFIG: TrainConfig = { ...RECOMMENDED, epochs: 2, limit: 3000, seed: 9, augment: true, backend: 'engine' };

async function run(config: TrainConfig, inputs: TrainingInputs = {}): Promise<{ epochs: EpochEvent[]; result: TrainingResult }> {
  const events: TrainingEvent[] = [];
  const result = await new TrainingSession().start(config, (e) => events.push(e), undefined, inputs);
  return { epochs: events.filter((e): e is EpochEvent => e.event === 'epoch'), result };
}

/** Trains epoch 1 alone, then continues the run for epoch 2 from what it left. */
async function inTwoParts(config: TrainConfig, keepOptimizer = true) {
  const first = await run({ ...config, epochs: 1 });
  expect(first.result.optimizer).toMatchObject({ optimizer: 'adam', iterations: 38 }); // 2,400 images in batches of 64
  const optimizer = keepOptimizer ? first.result.optimizer! : { ...first.result.optimizer!, iterations: 0, slots: first.result.optimizer!.slots.map((slot) => slot.map((w) => ({ kernel: new Float32Array(w.kernel.length), bias: new Float32Array(w.bias.length) }))) };
  return run(config, { initialWeights: first.result.model!.weights, continueFrom: { epochs: 1, optimizer } });
}

const bits = (result: TrainingResult) => result.model!.weights.map((w) => Buffer.from(w.kernel.buffer).toString('hex') + Buffer.from(w.bias.buffer).toString('hex'));

describe('continuing a run', () => {
  it('on the engine, 1 epoch + 1 more ends to the bit where the 2-epoch run ends; on tfjs within their agreement', async () => {
    const whole = await run(CONFIG);
    const continued = await inTwoParts(CONFIG);
    expect(continued.epochs.map((e) => [e.epoch, e.epochs])).toEqual([[2, 2]]);
    expect(continued.epochs[0]).toMatchObject({ loss: whole.epochs[1].loss, val_loss: whole.epochs[1].val_loss, accuracy: whole.epochs[1].accuracy });
    expect(continued.result.final).toMatchObject({ event: 'done', epochs_completed: 2, test_loss: (whole.result.final as { test_loss: number }).test_loss });
    expect(bits(continued.result)).toEqual(bits(whole.result));
    expect(continued.result.optimizer?.iterations).toBe(76);

    const tfjs = await inTwoParts({ ...CONFIG, backend: 'wasm' });
    expect(Math.abs(tfjs.epochs[0].loss - whole.epochs[1].loss) / whole.epochs[1].loss).toBeLessThan(1e-3);
    expect(Math.abs(tfjs.epochs[0].val_loss! - whole.epochs[1].val_loss!) / whole.epochs[1].val_loss!).toBeLessThan(1e-3);
    expect(tfjs.result.optimizer?.iterations).toBe(76);

    // Without the optimizer's state (a fresh Adam: zero moments, step 1 again) the same weights go elsewhere.
    const fresh = await inTwoParts(CONFIG, false);
    expect(Math.abs(fresh.epochs[0].loss - whole.epochs[1].loss) / whole.epochs[1].loss).toBeGreaterThan(1e-3);
  });
});
