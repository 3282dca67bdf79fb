/**
 * The fit loop's pause, with a stepper that only records its calls: the loop holds between two batches, says so
 * ('paused', then 'resumed'), goes on with the next batch (none repeated or skipped), leaves the paused time out of
 * the epoch's time and speed, and stops without resuming when asked to while paused.
 */
import { describe, expect, it } from 'vitest';
import { runLayers } from '../../../src/core/api/architecture';
import { RECOMMENDED } from '../../../src/core/api/train-config';
import type { BatchEvent, EpochEvent, TrainingEvent } from '../../../src/core/api/training-events';
import type { DigitSet } from '../../../src/core/dataset';
import { fitLoop, type Stepper, type TrainerHooks } from '../../../src/core/training/fit-loop';
import { identityOrder } from '../../../src/core/training/training-data';

const PAUSE_MS = 300;
const STEP_MS = 2;
const train: DigitSet = { count: 8, rows: 28, cols: 28, pixels: new Uint8Array(8 * 784), labels: new Uint8Array(8) };
const layers = runLayers({ hiddenUnits: [], activation: 'relu' });
const zero = [{ kernel: new Float32Array(7840), bias: new Float32Array(10) }];

const busy = (ms: number): void => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

/** Trains 2 epochs of 4 batches of 2, paused once after batch `at` of epoch 1; `stopWhilePaused` ends the run there. */
async function pausedRun(at: number, stopWhilePaused: boolean) {
  const starts: number[] = [];
  const stepper: Stepper = {
    order: identityOrder(train.count),
    step: (start) => (busy(STEP_MS), starts.push(start), { loss: 1, correct: 1 }),
    evaluate: () => ({ loss: 1, accuracy: 0.5 }),
    getWeights: () => zero,
    setWeights: () => undefined,
    replaceTrainPixels: () => undefined,
  };
  const events: TrainingEvent[] = [];
  let stop = false;
  const hooks: TrainerHooks = {
    emit: (e) => events.push(e),
    shouldStop: () => stop,
    pause: {
      get pauseRequested() {
        return starts.length === at && !events.some((e) => e.event === 'paused');
      },
      waitWhilePaused() {
        busy(PAUSE_MS);
        stop = stopWhilePaused;
      },
    },
  };
  const outcome = await fitLoop('engine', { ...RECOMMENDED, epochs: 2, batchSize: 2, validationSplit: 0 }, layers, { train, validation: null, test: train }, stepper, hooks);
  return { starts, events, outcome };
}

describe('pausing the fit loop', () => {
  it('holds after the batch, then goes on with the next one; the pause is left out of the epoch time and speed', async () => {
    const { starts, events, outcome } = await pausedRun(2, false);
    expect(starts).toEqual([0, 2, 4, 6, 0, 2, 4, 6]);
    const kinds = events.map((e) => (e.event === 'batch' ? `batch ${(e as BatchEvent).batch}` : e.event));
    const held = kinds.indexOf('paused');
    expect(kinds.slice(held - 1, held + 3)).toEqual(['batch 2', 'paused', 'resumed', 'batch 4']);
    expect(events[held]).toEqual({ event: 'paused', backend: 'engine', epoch: 1, batch: 2, batches: 4 });
    expect(events[held + 1]).toMatchObject({ event: 'resumed', epoch: 1, batch: 2, batches: 4 });
    expect((events[held + 1] as { paused_seconds: number }).paused_seconds).toBeGreaterThanOrEqual(PAUSE_MS / 1000);
    // Four 2 ms steps: well under the 300 ms pause even on a busy machine.
    const [first] = events.filter((e): e is EpochEvent => e.event === 'epoch');
    expect(first.seconds).toBeLessThan(0.15);
    const lastOfEpoch = events.find((e): e is BatchEvent => e.event === 'batch' && e.batch === 4)!;
    expect(lastOfEpoch.samples_per_second).toBeGreaterThan(8 / 0.15);
    expect(outcome.final).toMatchObject({ event: 'done', stopped: 'completed', epochs_completed: 2 });
  });

  it('a stop while paused ends the run there, without resuming', async () => {
    const { starts, events, outcome } = await pausedRun(3, true);
    expect(starts).toEqual([0, 2, 4]);
    expect(events.map((e) => e.event)).toEqual(expect.arrayContaining(['paused']));
    expect(events.some((e) => e.event === 'resumed' || e.event === 'epoch')).toBe(false);
    expect(outcome.final).toMatchObject({ event: 'done', stopped: 'cancelled', epochs_completed: 0 });
  });
});
