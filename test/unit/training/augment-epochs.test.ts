/**
 * Augmented training: the fit loop hands every epoch a fresh distorted copy of the training images (made by the
 * worker thread), before that epoch's first step, the same for the same seed; validation and test images are
 * never distorted; the engine and tfjs trainers both train on what they are handed.
 */
import { runLayers } from '../../../src/core/api/architecture';
import { beforeAll, describe, expect, it } from 'vitest';
import { RECOMMENDED, type TrainConfig } from '../../../src/core/api/train-config';
import type { DoneEvent } from '../../../src/core/api/training-events';
import { loadMnist, type Mnist } from '../../../src/core/dataset';
import { loadBackend } from '../../../src/core/tfjs/load';
import { loadEngine, trainWithEngine } from '../../../src/core/training/engine';
import { fitLoop, type Stepper, type TrainOutcome } from '../../../src/core/training/fit-loop';
import { identityOrder, sliceSet, splitForTraining } from '../../../src/core/training/training-data';
import { trainWithTfjs } from '../../../src/core/training/tfjs-trainer';

let mnist: Mnist;
beforeAll(async () => {
  mnist = await loadMnist();
});

const CONFIG: TrainConfig = { ...RECOMMENDED, epochs: 3, limit: 1000, augment: true };
const quiet = { emit: () => undefined, shouldStop: () => false };
const data = (config: TrainConfig) => ({ ...splitForTraining(mnist.train, config.validationSplit, config.limit), test: sliceSet(mnist.test, 0, 200) });

/** Runs the fit loop over a stepper that records what it is asked to do. */
async function record(config: TrainConfig): Promise<{ calls: string[]; images: Uint8Array[] }> {
  const { train } = data(config);
  const calls: string[] = [];
  const images: Uint8Array[] = [];
  const stepper: Stepper = {
    order: identityOrder(train.count),
    step: (start) => (calls.push(`step ${start}`), { loss: 1, correct: 0 }),
    evaluate: (set) => (calls.push(`evaluate ${set}`), { loss: 1, accuracy: 0 }),
    getWeights: () => [],
    setWeights: () => undefined,
    replaceTrainPixels: (pixels) => (calls.push('replace'), images.push(pixels.slice())),
  };
  await fitLoop('engine', config, runLayers({ hiddenUnits: [8], activation: 'relu' }), data(config), stepper, quiet);
  return { calls, images };
}

/** Byte-equal (vitest's deep equality is slow on millions of elements). */
const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(a, b) === 0;

/** Ink mass and centre of mass of image i. */
function moments(pixels: Uint8Array, i: number): { mass: number; x: number; y: number } {
  let mass = 0;
  let x = 0;
  let y = 0;
  for (let p = 0; p < 784; p++) {
    const v = pixels[i * 784 + p];
    mass += v;
    x += v * (p % 28);
    y += v * Math.floor(p / 28);
  }
  return { mass, x: x / mass, y: y / mass };
}

describe('augmented epochs', () => {
  it('each epoch starts with a new distorted copy of the training images; validation and test are only evaluated', async () => {
    const { calls, images } = await record(CONFIG);
    const epoch = ['replace', ...Array.from({ length: 13 }, (_, b) => `step ${b * 64}`), 'evaluate validation'];
    expect(calls).toEqual([...epoch, ...epoch, ...epoch, 'evaluate test']);
    const { train } = data(CONFIG);
    expect(images.map((i) => i.length)).toEqual([800 * 784, 800 * 784, 800 * 784]);
    expect(same(images[0], train.pixels)).toBe(false);
    expect(same(images[1], images[0])).toBe(false);
    expect(same(train.pixels, mnist.train.pixels.subarray(0, 800 * 784))).toBe(true); // the dataset itself is untouched
  });

  it('the distortions are shifts of ±2 px (mean |shift| 1 px per axis) that keep the ink of every digit', async () => {
    const { images } = await record({ ...CONFIG, epochs: 1 });
    const train = data(CONFIG).train;
    // 0s and 1s may also gain a stroke (writing-styles.test.ts): the affine part is measured on the other digits.
    const affineOnly = Array.from({ length: train.count }, (_, i) => i).filter((i) => train.labels[i] > 1);
    let shiftX = 0;
    let shiftY = 0;
    for (const i of affineOnly) {
      const before = moments(train.pixels, i);
      const after = moments(images[0], i);
      expect(after.mass / before.mass).toBeGreaterThan(0.75); // scale² ≥ 0.81, minus what a shift may cut at the edge
      expect(after.mass / before.mass).toBeLessThan(1.25); // scale² ≤ 1.21
      shiftX += Math.abs(after.x - before.x);
      shiftY += Math.abs(after.y - before.y);
    }
    // Uniform shifts in [-2, 2] have mean |shift| 1; rotation and scale about the centre add a little.
    expect(shiftX / affineOnly.length).toBeGreaterThan(0.9);
    expect(shiftX / affineOnly.length).toBeLessThan(1.3);
    expect(shiftY / affineOnly.length).toBeGreaterThan(0.9);
    expect(shiftY / affineOnly.length).toBeLessThan(1.3);
  });

  it('the same seed gives the same distorted images; another seed other ones; without augment nothing is replaced', async () => {
    const first = await record(CONFIG);
    const again = await record(CONFIG);
    first.images.forEach((images, epoch) => expect(same(again.images[epoch], images)).toBe(true));
    expect(same((await record({ ...CONFIG, epochs: 1, seed: 2 })).images[0], first.images[0])).toBe(false);
    expect((await record({ ...CONFIG, augment: false })).calls).not.toContain('replace');
  });
});

describe('trainers on augmented images', () => {
  const trainers: Record<string, (config: TrainConfig, split: ReturnType<typeof data>) => Promise<number>> = {
    engine: async (config, split) => finalLoss(await trainWithEngine(await loadEngine(), config, split, quiet)),
    'tfjs (cpu)': async (config, split) => finalLoss(await trainWithTfjs(await loadBackend('cpu'), config, split, quiet)),
  };

  for (const [name, train] of Object.entries(trainers)) {
    it(`${name}: trains on them reproducibly, and differently from the plain images`, async () => {
      const config: TrainConfig = { ...CONFIG, epochs: 2, limit: 300 };
      const augmented = await train(config, data(config));
      expect(Number.isFinite(augmented)).toBe(true);
      expect(await train(config, data(config))).toBe(augmented);
      expect(await train({ ...config, augment: false }, data(config))).not.toBe(augmented);
    });
  }
});

function finalLoss(outcome: TrainOutcome): number {
  expect(outcome.final.event).toBe('done');
  return (outcome.final as DoneEvent).test_loss;
}
