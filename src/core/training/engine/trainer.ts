/**
 * Trains with the WebAssembly engine under the shared fit loop: the same events, data order, validation
 * split, NaN handling and stop polling as the tfjs path; one wasm call per training step, or with two workers
 * one per worker and step (worker-pair.ts). The 'start' event says how many threads train.
 */
import { runLayers } from '../../api/architecture';
import type { LayerSpec } from '../../api/layer-model';
import type { TrainConfig } from '../../api/train-config';
import type { DigitSet } from '../../dataset';
import { fitLoop, type Stepper, type TrainerHooks, type TrainOutcome } from '../fit-loop';
import type { TrainingSplit } from '../training-data';
import { engineGap } from './memory-limit';
import { glorotUniform } from './init';
import { EngineNetwork } from './network';
import { createSharedMemory, EngineUnavailableError, loadSharedEngine, type EngineRuntime } from './runtime';
import { WorkerPair } from './worker-pair';
import { engineThreads } from './threads';

const TRAIN = 0;
const TEST = 1;
const VALIDATION = 2;

const setIndex = (set: 'validation' | 'test'): number => (set === 'test' ? TEST : VALIDATION);

function oneThreadStepper(net: EngineNetwork): Stepper {
  return {
    order: net.order(TRAIN),
    step: (start, n) => net.step(TRAIN, start, n),
    evaluate: (set) => net.evaluate(setIndex(set)),
    getWeights: () => net.getWeights(),
    setWeights: (weights) => net.setWeights(weights),
    // With two workers the set lives in the shared memory, so the helper reads the new pixels too.
    replaceTrainPixels: (pixels) => net.replacePixels(TRAIN, pixels),
  };
}

/** The network on a memory shared with a helper thread, and the started helper. */
async function startTwoWorkers(runtime: EngineRuntime, layers: LayerSpec[], config: TrainConfig, sets: DigitSet[]): Promise<{ net: EngineNetwork; pair: WorkerPair }> {
  const gap = engineGap(config, 2);
  if (gap) throw new EngineUnavailableError(gap);
  const shared = await loadSharedEngine(runtime);
  const memory = createSharedMemory();
  const net = new EngineNetwork(shared, layers, config.batchSize, config, sets, memory, config.seed);
  return { net, pair: await WorkerPair.start(net, shared, memory, TRAIN) };
}

export async function trainWithEngine(runtime: EngineRuntime, config: TrainConfig, data: TrainingSplit & { test: DigitSet }, hooks: TrainerHooks): Promise<TrainOutcome> {
  const layers = runLayers(config);
  const { train, validation, test } = data;
  const sets = validation ? [train, test, validation] : [train, test];
  let threads = await engineThreads(config.threads);
  let two: { net: EngineNetwork; pair: WorkerPair } | null = null;
  if (threads === 2) {
    try {
      two = await startTwoWorkers(runtime, layers, config, sets);
    } catch (error) {
      // 'auto' settles for one thread; an explicit 2 reports why it cannot have two.
      if (config.threads !== 'auto') throw error;
      threads = 1;
    }
  }
  const net = two?.net ?? new EngineNetwork(runtime, layers, config.batchSize, config, sets, undefined, config.seed);
  net.setWeights(glorotUniform(layers, config.seed));
  const pair = two?.pair;
  const stepper: Stepper = pair ? { ...oneThreadStepper(net), step: (start, n) => pair.step(start, n), evaluate: (set) => pair.evaluate(setIndex(set)) } : oneThreadStepper(net);
  const emit: TrainerHooks['emit'] = (event) => hooks.emit(event.event === 'start' ? { ...event, threads } : event);
  if (hooks.continueFrom) net.setOptimizerState(hooks.continueFrom.optimizer);
  try {
    const outcome = await fitLoop('engine', config, layers, data, stepper, { ...hooks, emit });
    return { ...outcome, optimizer: outcome.final.event === 'done' ? net.getOptimizerState() : null };
  } finally {
    await pair?.close();
  }
}
