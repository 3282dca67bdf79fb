/**
 * One benchmark measurement, run in its own process so peak RSS belongs to one backend: trains the Keras
 * tutorial preset on the given backend (the engine with the given threads setting) and prints one JSON line
 * with the timings.
 */
import type { BackendName } from '../../src/core/api/backends';
import { KERAS_TUTORIAL, type TrainConfig } from '../../src/core/api/train-config';
import type { EpochEvent, TrainingEvent } from '../../src/core/api/training-events';
import { TrainingSession } from '../../src/core/training';
import { loadEngine } from '../../src/core/training/engine';
import { medianSteadyEpoch } from './epochs';

export interface BackendMeasurement {
  backend: BackendName;
  ok: boolean;
  error?: string;
  /** For the engine: the compiled module this process validates (the training worker picks the same). */
  build?: string;
  /** Threads that trained, as the run's start event says. */
  threads?: number;
  epochs?: number;
  seconds_per_epoch?: number;
  samples_per_second?: number;
  epoch_seconds?: number[];
  final_val_accuracy?: number | null;
  test_accuracy?: number;
  /** From the start request to the test result: worker start, data load, training, evaluation. */
  wall_seconds?: number;
  peak_rss_mb?: number;
}

const THREAD_SETTINGS: Record<string, TrainConfig['threads']> = { '1': 1, '2': 2, auto: 'auto' };

export async function measureBackend(backend: BackendName, epochs: number, threadSetting = '1'): Promise<BackendMeasurement> {
  if (!(threadSetting in THREAD_SETTINGS)) throw new Error(`--threads: expected 1, 2 or auto, got '${threadSetting}'`);
  const build = backend === 'engine' ? (await loadEngine()).build : undefined;
  const session = new TrainingSession();
  const epochEvents: EpochEvent[] = [];
  let trainSamples = 0;
  let threads: number | undefined;
  const started = performance.now();
  const result = await session.start({ ...KERAS_TUTORIAL, epochs, backend, threads: THREAD_SETTINGS[threadSetting] }, (event: TrainingEvent) => {
    if (event.event === 'epoch') epochEvents.push(event);
    if (event.event === 'start') {
      trainSamples = event.train_samples;
      threads = event.threads;
    }
  });
  const wall = (performance.now() - started) / 1000;
  const peak = process.resourceUsage().maxRSS / 1024;
  if (result.final.event === 'failed') return { backend, build, ok: false, error: result.final.message };
  const median = medianSteadyEpoch(epochEvents.map((e) => e.seconds));
  return {
    backend,
    build,
    threads,
    ok: true,
    epochs,
    seconds_per_epoch: median,
    samples_per_second: trainSamples / median,
    epoch_seconds: epochEvents.map((e) => e.seconds),
    final_val_accuracy: epochEvents.at(-1)?.val_accuracy ?? null,
    test_accuracy: result.final.test_accuracy,
    wall_seconds: Number(wall.toFixed(2)),
    peak_rss_mb: Math.round(peak),
  };
}
