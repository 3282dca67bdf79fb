/** The engine trainer in-process: the stop hook, the relaxed-SIMD build, and which settings it takes. */
import { denseLayers } from '../../../src/core/api/layer-model';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTsxScript } from '../../helpers/tsx-script';
import { mlpSpec } from '../../../src/core/api/model-spec';
import { KERAS_TUTORIAL, type TrainConfig } from '../../../src/core/api/train-config';
import type { TrainingEvent } from '../../../src/core/api/training-events';
import { loadMnist, type Mnist } from '../../../src/core/dataset';
import { loadTrainingBackend } from '../../../src/core/training/backend';
import { engineGap, loadEngine, trainWithEngine } from '../../../src/core/training/engine';
import { glorotUniform } from '../../../src/core/training/engine/init';
import { EngineNetwork } from '../../../src/core/training/engine/network';
import { createRng, shuffleInPlace } from '../../../src/core/training/rng';
import { sliceSet, splitForTraining } from '../../../src/core/training/training-data';

let mnist: Mnist;

beforeAll(async () => {
  mnist = await loadMnist();
});

const HUGE: TrainConfig = { ...KERAS_TUTORIAL, batchSize: 60_000, hiddenUnits: Array(8).fill(4096) };

describe('engine trainer', () => {
  it('stops after the batch where shouldStop first answers true', async () => {
    const config: TrainConfig = { ...KERAS_TUTORIAL, epochs: 3, limit: 5000, backend: 'engine' };
    const events: TrainingEvent[] = [];
    let polls = 0;
    const outcome = await trainWithEngine(await loadEngine(), config, { ...splitForTraining(mnist.train, 0.2, 5000), test: sliceSet(mnist.test, 0, 500) }, {
      emit: (e) => events.push(e),
      shouldStop: () => ++polls >= 7,
    });
    expect(polls).toBe(7);
    expect(events.filter((e) => e.event === 'batch').at(-1)).toMatchObject({ epoch: 1, batch: 7 });
    expect(outcome.final).toMatchObject({ event: 'done', stopped: 'cancelled', epochs_completed: 0 });
    // The kept weights are those after exactly 7 steps.
    const spec = mlpSpec([128, 128]);
    const net = new EngineNetwork(await loadEngine(), denseLayers(spec), 64, config, [splitForTraining(mnist.train, 0.2, 5000).train]);
    net.setWeights(glorotUniform(denseLayers(spec), config.seed));
    shuffleInPlace(net.order(0), createRng(config.seed));
    for (let step = 0; step < 7; step++) net.step(0, step * 64, 64);
    expect(outcome.model!.weights[0].kernel).toEqual(net.getWeights()[0].kernel);
  });

  it('the relaxed-SIMD (FMA) build is chosen in Node without a command-line flag, and trains to the same losses within rounding', () => {
    const script = `
      import { loadEngine } from './src/core/training/engine/runtime.ts';
      import { EngineNetwork } from './src/core/training/engine/network.ts';
      import { glorotUniform } from './src/core/training/engine/init.ts';
      import { loadMnist } from './src/core/dataset/index.ts';
      import { mlpSpec } from './src/core/api/model-spec.ts';
      import { denseLayers } from './src/core/api/layer-model.ts';
      const losses = {};
      const train = (await loadMnist()).train;
      for (const build of ['auto', 'simd']) {
        const runtime = await loadEngine(build === 'auto' ? undefined : build);
        const spec = mlpSpec([128, 128]);
        const net = new EngineNetwork(runtime, denseLayers(spec), 64, { optimizer: 'adam', learningRate: 0.001, momentum: 0 }, [train]);
        net.setWeights(glorotUniform(denseLayers(spec), 1));
        losses[build === 'auto' ? runtime.build : build] = Array.from({ length: 20 }, (_, i) => net.step(0, i * 64, 64).loss);
      }
      console.log(JSON.stringify(losses));`;
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const child = runTsxScript(script, { cwd: root, timeout: 60_000 });
    expect(child.status, child.stderr).toBe(0);
    const losses = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { relaxed: number[]; simd: number[] };
    expect(losses.relaxed).toHaveLength(20);
    losses.relaxed.forEach((loss, i) => expect(Math.abs(loss - losses.simd[i]) / losses.simd[i]).toBeLessThan(1e-4));
  });

  it('covers every setting up to 2 GiB of engine memory; beyond, auto falls back to tfjs and an explicit choice says why', async () => {
    expect(engineGap(KERAS_TUTORIAL)).toBeNull();
    expect(engineGap({ ...KERAS_TUTORIAL, batchSize: 60_000 })).toBeNull();
    expect(engineGap(HUGE)).toMatch(/batch size 60000 with these layers needs \d+ MiB of engine memory/);
    await expect(loadTrainingBackend({ ...HUGE, backend: 'engine' })).rejects.toThrow(/Digit Studio WebAssembly SIMD engine does not cover these settings/);
    expect((await loadTrainingBackend({ ...KERAS_TUTORIAL, backend: 'engine' })).name).toBe('engine');
    expect(['tensorflow', 'wasm']).toContain((await loadTrainingBackend({ ...HUGE, backend: 'auto' })).name);
  });
});
