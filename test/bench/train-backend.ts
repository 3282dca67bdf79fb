/**
 * One benchmark measurement, run in its own process so peak RSS belongs to one backend: trains the Keras
 * tutorial preset on the given backend and prints one JSON line with the timings.
 */
import { KERAS_TUTORIAL, TrainingSession, type BackendName, type EpochEvent, type TrainingEvent } from '../../src/core/training';
import { spawnSourceWorker } from '../../src/core/training/spawn-source-worker';

export interface BackendMeasurement {
  backend: BackendName;
  ok: boolean;
  error?: string;
  epochs?: number;
  seconds_per_epoch?: number;
  samples_per_second?: number;
  epoch_seconds?: number[];
  final_val_accuracy?: number | null;
  peak_rss_mb?: number;
}

export async function measureBackend(backend: BackendName, epochs: number): Promise<BackendMeasurement> {
  const session = new TrainingSession(spawnSourceWorker);
  const epochEvents: EpochEvent[] = [];
  let trainSamples = 0;
  const result = await session.start({ ...KERAS_TUTORIAL, epochs, backend }, (event: TrainingEvent) => {
    if (event.event === 'epoch') epochEvents.push(event);
    if (event.event === 'start') trainSamples = event.train_samples;
  });
  const peak = process.resourceUsage().maxRSS / 1024;
  if (result.final.event === 'failed') return { backend, ok: false, error: result.final.message };
  // The first epoch includes warm-up (wasm compilation, kernel caches): the median of epochs 2..N is reported.
  const steady = (epochEvents.length > 1 ? epochEvents.slice(1) : epochEvents).map((e) => e.seconds).sort((a, b) => a - b);
  const median = steady[Math.floor((steady.length - 1) / 2)] / 2 + steady[Math.ceil((steady.length - 1) / 2)] / 2;
  return {
    backend,
    ok: true,
    epochs,
    seconds_per_epoch: median,
    samples_per_second: trainSamples / median,
    epoch_seconds: epochEvents.map((e) => e.seconds),
    final_val_accuracy: epochEvents.at(-1)?.val_accuracy ?? null,
    peak_rss_mb: Math.round(peak),
  };
}
