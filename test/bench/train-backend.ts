/**
 * One benchmark measurement, run in its own process so peak RSS belongs to one backend: trains a preset (the Keras
 * tutorial MLP, or keras.io's CNN) on the given backend (the engine with the given threads setting) through the
 * app's TrainingSession and prints one JSON line with the timings.
 */
import type { BackendName } from '../../src/core/api/backends';
import { PRESETS, type PresetName, type TrainConfig } from '../../src/core/api/train-config';
import type { EpochEvent, TrainingEvent } from '../../src/core/api/training-events';
import { TrainingSession } from '../../src/core/training';
import { loadTrainingBackend } from '../../src/core/training/backend';
import { medianSteadyEpoch } from './epochs';

/** What a training contender's child runs: a preset for some epochs, optionally on the first `limit` images. */
export interface TrainRun {
  preset: PresetName;
  epochs: number;
  limit?: number;
  /** tfjs-cpu-fit only: the batches timed (after a warm-up one) instead of whole epochs. */
  batches?: number;
}

export interface BackendMeasurement {
  backend: BackendName;
  ok: boolean;
  error?: string;
  /** For the engine: the compiled module the app's backend choice loads here (the training worker makes the same choice). */
  build?: string;
  /** Threads that trained, as the run's start event says. */
  threads?: number;
  epochs?: number;
  train_samples?: number;
  validation_samples?: number;
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

export async function measureBackend(backend: BackendName, run: TrainRun, threadSetting = '1'): Promise<BackendMeasurement> {
  if (!(threadSetting in THREAD_SETTINGS)) throw new Error(`--threads: expected 1, 2 or auto, got '${threadSetting}'`);
  const config: TrainConfig = { ...PRESETS[run.preset], epochs: run.epochs, limit: run.limit, backend, threads: THREAD_SETTINGS[threadSetting] };
  const loaded = backend === 'engine' ? await loadTrainingBackend(config).catch((error: Error) => error) : undefined;
  if (loaded instanceof Error) return { backend, ok: false, error: loaded.message };
  const build = loaded?.name === 'engine' ? loaded.engine.build : undefined;
  const session = new TrainingSession();
  const epochEvents: EpochEvent[] = [];
  let start: Extract<TrainingEvent, { event: 'start' }> | undefined;
  const started = performance.now();
  const result = await session.start(config, (event: TrainingEvent) => {
    if (event.event === 'epoch') epochEvents.push(event);
    if (event.event === 'start') start = event;
  });
  const wall = (performance.now() - started) / 1000;
  const peak = process.resourceUsage().maxRSS / 1024;
  if (result.final.event === 'failed') return { backend, build, ok: false, error: result.final.message };
  const median = medianSteadyEpoch(epochEvents.map((e) => e.seconds));
  return {
    backend,
    build,
    threads: start?.threads,
    ok: true,
    epochs: run.epochs,
    train_samples: start?.train_samples,
    validation_samples: start?.val_samples,
    seconds_per_epoch: median,
    samples_per_second: (start?.train_samples ?? 0) / median,
    epoch_seconds: epochEvents.map((e) => e.seconds),
    final_val_accuracy: epochEvents.at(-1)?.val_accuracy ?? null,
    test_accuracy: result.final.test_accuracy,
    wall_seconds: Number(wall.toFixed(2)),
    peak_rss_mb: Math.round(peak),
  };
}
