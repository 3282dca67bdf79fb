/**
 * Two engine workers splitting each batch, checked against the one-thread engine (itself checked against tfjs in
 * engine-math.test.ts): same losses and weights step by step up to float summation order, split evaluation,
 * new pixels reaching the helper, cancel, NaN guard, the helper thread ending with the run, the threads setting.
 */
import { denseLayers } from '../../../src/core/api/layer-model';
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { mlpSpec, type HiddenActivation, type DenseWeights, type OptimizerName } from '../../../src/core/api/model-spec';
import { KERAS_TUTORIAL, type TrainConfig } from '../../../src/core/api/train-config';
import type { TrainingEvent } from '../../../src/core/api/training-events';
import { loadMnist, type DigitSet } from '../../../src/core/dataset';
import { engineGap, loadEngine, trainWithEngine, type EngineRuntime } from '../../../src/core/training/engine';
import { glorotUniform } from '../../../src/core/training/engine/init';
import { Handshake, SLOT } from '../../../src/core/training/engine/handshake';
import { EngineNetwork } from '../../../src/core/training/engine/network';
import { createSharedMemory, loadSharedEngine } from '../../../src/core/training/engine/runtime';
import { WorkerPair } from '../../../src/core/training/engine/worker-pair';
import { engineThreads, measureIdleCores } from '../../../src/core/training/engine/threads';
import { createRng, shuffleInPlace } from '../../../src/core/training/rng';
import { sliceSet, splitForTraining } from '../../../src/core/training/training-data';

let runtime: EngineRuntime;
let shared: EngineRuntime;
let mnist: Awaited<ReturnType<typeof loadMnist>>;
let images: DigitSet;

beforeAll(async () => {
  runtime = await loadEngine('simd');
  shared = await loadSharedEngine(runtime);
  mnist = await loadMnist();
  images = sliceSet(mnist.train, 0, 2000);
});

const maxAbsDiff = (a: DenseWeights[], b: DenseWeights[]): number =>
  Math.max(...a.flatMap((layer, i) => [layer.kernel, layer.bias].map((values, j) => values.reduce((m, v, k) => Math.max(m, Math.abs(v - (j ? b[i].bias : b[i].kernel)[k])), 0))));

/** OS threads of this process (Linux): a running worker adds at least one. */
const osThreads = (): number => readdirSync('/proc/self/task').length;

interface Case {
  hidden: number[];
  activation: HiddenActivation;
  optimizer: OptimizerName;
  learningRate: number;
  batch: number;
}

describe('two engine workers vs one thread (same start, same batches)', () => {
  const cases: Case[] = [
    { hidden: [128, 128], activation: 'relu', optimizer: 'sgd', learningRate: 0.01, batch: 64 },
    { hidden: [37, 19], activation: 'tanh', optimizer: 'momentum', learningRate: 0.05, batch: 33 },
    { hidden: [24], activation: 'sigmoid', optimizer: 'adam', learningRate: 0.001, batch: 50 },
  ];

  it.each(cases)('$hidden $activation $optimizer, batch $batch: losses, hits and weights agree for 16 steps, across new pixels', async (c) => {
    const spec = mlpSpec(c.hidden, c.activation);
    const settings = { optimizer: c.optimizer, learningRate: c.learningRate, momentum: 0.9 };
    const one = new EngineNetwork(runtime, denseLayers(spec), c.batch, settings, [images]);
    const memory = createSharedMemory();
    const two = new EngineNetwork(shared, denseLayers(spec), c.batch, settings, [images], memory);
    const pair = await WorkerPair.start(two, shared, memory, 0);
    try {
      for (const net of [one, two]) {
        net.setWeights(glorotUniform(denseLayers(spec), 5));
        shuffleInPlace(net.order(0), createRng(5));
      }
      const inverted = images.pixels.map((p) => 255 - p);
      for (let step = 0; step < 16; step++) {
        // Halfway, every image changes: the helper must train on the new bytes too.
        if (step === 8) for (const net of [one, two]) net.replacePixels(0, inverted);
        const expected = one.step(0, step * c.batch, c.batch);
        const actual = pair.step(step * c.batch, c.batch);
        expect(Math.abs(actual.loss - expected.loss) / expected.loss, `step ${step + 1}`).toBeLessThan(1e-5);
        expect(actual.correct).toBe(expected.correct);
      }
      // A batch of one sample is not split.
      expect(pair.step(16 * c.batch, 1).loss).toBeCloseTo(one.step(0, 16 * c.batch, 1).loss, 5);
      expect(maxAbsDiff(two.getWeights(), one.getWeights())).toBeLessThan(1e-5);
      const [oneScores, twoScores] = [one.evaluate(0), pair.evaluate(0)];
      expect(twoScores.accuracy).toBe(oneScores.accuracy);
      expect(twoScores.loss).toBeCloseTo(oneScores.loss, 6);
    } finally {
      await pair.close();
    }
  });
});

const data = () => ({ ...splitForTraining(mnist.train, 0.2, 5000), test: sliceSet(mnist.test, 0, 500) });

describe('training with two workers', () => {
  it('says so in the start event, stops after the batch where shouldStop answers true, and ends the helper thread', async () => {
    const config: TrainConfig = { ...KERAS_TUTORIAL, epochs: 3, limit: 5000, threads: 2, backend: 'engine' };
    const before = osThreads();
    let during = 0;
    let polls = 0;
    const events: TrainingEvent[] = [];
    const outcome = await trainWithEngine(runtime, config, data(), {
      emit: (e) => events.push(e),
      shouldStop: () => {
        during = osThreads();
        return ++polls >= 7;
      },
    });
    expect(events[0]).toMatchObject({ event: 'start', threads: 2 });
    expect(polls).toBe(7);
    expect(outcome.final).toMatchObject({ event: 'done', stopped: 'cancelled', epochs_completed: 0 });
    expect(during).toBeGreaterThan(before);
    expect(osThreads()).toBe(before);
    // The kept weights are those of exactly 7 steps, as one thread computes them.
    const spec = mlpSpec([128, 128]);
    const net = new EngineNetwork(runtime, denseLayers(spec), 64, config, [data().train]);
    net.setWeights(glorotUniform(denseLayers(spec), config.seed));
    shuffleInPlace(net.order(0), createRng(config.seed));
    for (let step = 0; step < 7; step++) net.step(0, step * 64, 64);
    expect(maxAbsDiff(outcome.model!.weights, net.getWeights())).toBeLessThan(1e-5);
  });

  it('a NaN loss fails the run and keeps the initial weights, and the helper thread ends', async () => {
    const config: TrainConfig = { ...KERAS_TUTORIAL, epochs: 2, limit: 5000, learningRate: 1e6, threads: 2, backend: 'engine' };
    const before = osThreads();
    const outcome = await trainWithEngine(runtime, config, data(), { emit: () => undefined, shouldStop: () => false });
    expect(outcome.final).toMatchObject({ event: 'failed', epochs_completed: 0 });
    expect((outcome.final as { message: string }).message).toMatch(/NaN or infinite at epoch 1, batch \d+/);
    expect(outcome.model!.weights).toEqual(glorotUniform(denseLayers(mlpSpec([128, 128])), config.seed));
    expect(osThreads()).toBe(before);
  });

  it('augmented epochs (new pixels before each) train the same on two workers as on one thread', async () => {
    const losses = async (threads: 1 | 2): Promise<number[]> => {
      const epochLosses: number[] = [];
      const config: TrainConfig = { ...KERAS_TUTORIAL, epochs: 3, limit: 5000, augment: true, threads, backend: 'engine' };
      await trainWithEngine(runtime, config, data(), { emit: (e) => e.event === 'epoch' && epochLosses.push(e.loss), shouldStop: () => false });
      return epochLosses;
    };
    const [one, two] = [await losses(1), await losses(2)];
    expect(two).toHaveLength(3);
    // Two workers sum each batch's gradients in another order: float32 rounding differences that 190 steps grow to ~2e-5.
    two.forEach((loss, i) => expect(Math.abs(loss - one[i]) / one[i]).toBeLessThan(1e-4));
  });

  it('one thread unless asked: missing or 1 means one, the start event says 1', async () => {
    expect(await engineThreads(undefined)).toBe(1);
    expect(await engineThreads(1)).toBe(1);
    expect(await engineThreads(2)).toBe(2);
    const events: TrainingEvent[] = [];
    await trainWithEngine(runtime, { ...KERAS_TUTORIAL, epochs: 1, limit: 500, backend: 'engine' }, data(), { emit: (e) => events.push(e), shouldStop: () => true });
    expect(events[0]).toMatchObject({ event: 'start', threads: 1 });
  });

  it('an explicit 2 that needs more than 2 GiB of engine memory says so; one worker still fits', async () => {
    // Each worker has its own batch workspace: 30,000 rows of a 4,096-unit layer fit once, not twice.
    const config: TrainConfig = { ...KERAS_TUTORIAL, hiddenUnits: [4096], batchSize: 30_000, threads: 2, backend: 'engine' };
    expect(engineGap(config)).toBeNull();
    await expect(trainWithEngine(runtime, config, data(), { emit: () => undefined, shouldStop: () => true })).rejects.toThrow(
      /batch size 30000 with these layers needs \d+ MiB of engine memory with 2 workers \(at most 2048\)/,
    );
  });

  it.runIf(cpus().length === 2)("'auto' takes one thread while another thread holds a core", async () => {
    const spinner = new Worker('const end = Date.now() + 3000; while (Date.now() < end);', { eval: true });
    try {
      await new Promise((resolve) => spinner.once('online', resolve));
      const idle = await measureIdleCores();
      expect(idle).toBeGreaterThanOrEqual(0);
      expect(idle).toBeLessThan(1.5);
      expect(await engineThreads('auto')).toBe(1);
    } finally {
      await spinner.terminate();
    }
  });
});

describe('handshake between the workers', () => {
  it("a helper's failure reaches worker 0 with its message; silence ends in an error, not a hang", () => {
    const helper = new Handshake();
    const worker0 = new Handshake(helper.buffer);
    expect(() => worker0.waitFor(SLOT.helperDone, 1, 300)).toThrow(/did not answer for 0.3 s/);
    helper.fail('RangeError: out of bounds memory access');
    expect(() => worker0.waitFor(SLOT.helperDone, 1)).toThrow('the second engine worker failed: RangeError: out of bounds memory access');
  });
});
