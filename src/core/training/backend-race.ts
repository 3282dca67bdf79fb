/**
 * How 'auto' picks between the backends that can compete: native TensorFlow (GPU or CPU build) and the engine. Each
 * trains a few steps of the run's own network at the run's batch size on random images, and the fastest per step
 * wins: for the small MLP the engine usually beats native TensorFlow's per-op overhead, for a CNN it may not. The
 * result is kept per machine and network (backend-choice-cache.ts), so the race runs once. tfjs WebAssembly and
 * plain JavaScript do not race: they are many times slower than the engine (npm run bench) and run only where
 * neither competitor can.
 */
import type { Tensor } from '@tensorflow/tfjs';
import { runLayers } from '../api/architecture';
import { BACKEND_LABELS, type BackendName } from '../api/backends';
import { INPUT_SIZE, NUM_CLASSES } from '../api/model-spec';
import type { TrainConfig } from '../api/train-config';
import type { DigitSet } from '../dataset';
import type { LoadedBackend } from '../tfjs/load';
import { inputBatch } from '../tfjs/model';
import type { EngineRuntime } from './engine';
import { glorotUniform } from './engine/init';
import { EngineNetwork } from './engine/network';
import { createRng } from './rng';
import { compiledTfModel } from './tfjs-trainer';

/** Timed steps after one warm-up step; their median is the figure. */
const TIMED_STEPS = 3;

export type Competitor = { name: 'engine'; engine: EngineRuntime } | LoadedBackend;

/** count random images and labels, the same for every competitor. */
function randomSet(count: number, seed: number): DigitSet {
  const random = createRng(seed);
  const pixels = Uint8Array.from({ length: count * INPUT_SIZE }, () => (random() < 0.8 ? 0 : Math.floor(random() * 256)));
  return { count, rows: 28, cols: 28, pixels, labels: Uint8Array.from({ length: count }, () => Math.floor(random() * NUM_CLASSES)) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timeEach(step: () => Promise<unknown> | unknown): Promise<number> {
  await step();
  const times: number[] = [];
  for (let i = 0; i < TIMED_STEPS; i++) {
    const started = performance.now();
    await step();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Milliseconds per training step of the run's network on this competitor. */
export async function timeStep(competitor: Competitor, config: TrainConfig): Promise<number> {
  const layers = runLayers(config);
  const batch = config.batchSize;
  const set = randomSet(batch, config.seed);
  if (competitor.name === 'engine') {
    const net = new EngineNetwork(competitor.engine, layers, batch, config, [set], undefined, config.seed);
    net.setWeights(glorotUniform(layers, config.seed));
    return timeEach(() => net.step(0, 0, batch));
  }
  const { tf } = competitor;
  const model = compiledTfModel(tf, layers, config);
  const x = Float32Array.from(set.pixels, (p) => p / 255);
  const y = new Float32Array(batch * NUM_CLASSES);
  set.labels.forEach((label, i) => (y[i * NUM_CLASSES + label] = 1));
  const tensors: Tensor[] = [inputBatch(tf, model, x, batch), tf.tensor2d(y, [batch, NUM_CLASSES])];
  try {
    return await timeEach(() => model.trainOnBatch(tensors[0], tensors[1]));
  } finally {
    tf.dispose(tensors);
    model.dispose();
  }
}

/** Each competitor's time per step, fastest first, and the sentence that says why the first was chosen. */
export function explainRace(times: ReadonlyArray<{ name: BackendName; ms: number }>, cached: boolean): string {
  const ranked = [...times].sort((a, b) => a.ms - b.ms);
  const figures = ranked.map((t) => `${BACKEND_LABELS[t.name]} ${t.ms.toFixed(1)} ms`).join(', ');
  return `auto chose the fastest per training step of this network: ${figures}${cached ? ' (measured earlier on this machine)' : ''}`;
}
