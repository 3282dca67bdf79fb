/**
 * The fit loop hands out its weights for the UI to draw with: the weights it starts from (epoch 0 for a fresh run), at
 * every epoch end (before that epoch's event, so a recorder has them when it writes the epoch), and the weights where
 * the run pauses. The stepper here counts its steps into the weights, so each snapshot says after which step it was taken.
 */
import { describe, expect, it } from 'vitest';
import { runLayers } from '../../../src/core/api/architecture';
import { RECOMMENDED } from '../../../src/core/api/train-config';
import type { TrainingEvent, WeightsPoint } from '../../../src/core/api/training-events';
import type { DigitSet } from '../../../src/core/dataset';
import { fitLoop, type Stepper, type TrainerHooks } from '../../../src/core/training/fit-loop';
import { identityOrder } from '../../../src/core/training/training-data';

const train: DigitSet = { count: 8, rows: 28, cols: 28, pixels: new Uint8Array(8 * 784), labels: new Uint8Array(8) };
const layers = runLayers({ hiddenUnits: [], activation: 'relu' });

/** Trains 2 epochs of 4 batches of 2 (paused once after step `pauseAfter`, if given); what onWeights got, in order with the events. */
async function snapshots(pauseAfter: number | null, continueFrom?: TrainerHooks['continueFrom']) {
  let steps = 0;
  const stepper: Stepper = {
    order: identityOrder(train.count),
    step: () => (steps++, { loss: 1, correct: 1 }),
    evaluate: () => ({ loss: 1, accuracy: 0.5 }),
    getWeights: () => [{ kernel: new Float32Array(7840).fill(steps), bias: new Float32Array(10) }],
    setWeights: () => undefined,
    replaceTrainPixels: () => undefined,
  };
  const log: Array<{ at: WeightsPoint; steps: number; layers: number } | TrainingEvent['event']> = [];
  let paused = false;
  const hooks: TrainerHooks = {
    emit: (e) => log.push(e.event),
    shouldStop: () => false,
    onWeights: (model, at) => log.push({ at, steps: model.weights[0].kernel[0], layers: model.layers.length }),
    pause: {
      get pauseRequested() {
        return steps === pauseAfter && !paused;
      },
      waitWhilePaused: () => void (paused = true),
    },
    continueFrom,
  };
  const epochs = continueFrom ? continueFrom.epochs + 1 : 2;
  await fitLoop('engine', { ...RECOMMENDED, epochs, batchSize: 2, validationSplit: 0 }, layers, { train, validation: null, test: train }, stepper, hooks);
  return log.filter((entry) => typeof entry !== 'string' || entry === 'epoch' || entry === 'paused');
}

describe('the weights the fit loop hands out', () => {
  it('gives the initial weights, the weights at every epoch end before its event, and where the run pauses', async () => {
    const point = (epoch: number, batch: number, paused = false): WeightsPoint => ({ epoch, batch, batches: 4, paused });
    expect(await snapshots(6)).toEqual([
      { at: point(0, 0), steps: 0, layers: layers.length },
      { at: point(1, 4), steps: 4, layers: layers.length },
      'epoch',
      { at: point(2, 2, true), steps: 6, layers: layers.length },
      'paused',
      { at: point(2, 4), steps: 8, layers: layers.length },
      'epoch',
    ]);
  });

  it('gives a continued run’s starting weights as those of the epoch they ended, not as epoch 0', async () => {
    const log = await snapshots(null, { epochs: 1, optimizer: { optimizer: 'sgd', iterations: 0, slots: [] } });
    expect(log).toEqual([
      { at: { epoch: 1, batch: 4, batches: 4, paused: false }, steps: 0, layers: layers.length },
      { at: { epoch: 2, batch: 4, batches: 4, paused: false }, steps: 4, layers: layers.length },
      'epoch',
    ]);
  });
});
