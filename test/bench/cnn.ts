/**
 * The CNN part of `npm run bench` (issue 17): keras.io's mnist_convnet (the `cnn` preset) trained by stock tfjs
 * `model.fit` on the plain-JS cpu backend (an epoch extrapolated from a few timed batches: see tfjs-fit.ts), by the
 * engine on one thread and with two workers (the build the app loads), and by native TensorFlow where it installed;
 * the ratios, and the reference points on this machine for the note to compare with.
 */
import { MLP_PLANS, measureContenders, secondsOf, speedup, type Contender, type Plan } from './contenders';
import type { TrainRun } from './train-backend';

export const CNN_PLANS = {
  'tfjs-cpu-fit': { child: 'tfjs-cpu-fit', threads: 1 },
  engine: { child: 'engine', threads: 1 },
  'engine-2workers': { child: 'engine', threads: 2 },
  tensorflow: MLP_PLANS.tensorflow,
  'tensorflow-gpu': MLP_PLANS['tensorflow-gpu'],
} as const satisfies Record<string, Plan>;
export const CNN_CONTENDERS = Object.keys(CNN_PLANS) as Array<keyof typeof CNN_PLANS>;

const BENCHMARK =
  'train cnn preset (keras.io mnist_convnet: Conv2D 32 3×3 relu → MaxPooling2D 2 → Conv2D 64 3×3 relu → MaxPooling2D 2 → Flatten → Dropout 0.5 → Dense 10 softmax, 34,826 parameters; Adam 0.001, batch 128)';

/** Issue 17's reference points, measured on this 2-core machine for a full epoch (48,000 train + 12,000 validation images). */
const TFLOP_PER_EPOCH = 0.76;
const SGEMM_PEAK_GFLOPS = 218;
export const CNN_REFERENCE = {
  pytorch_1_13_seconds_per_epoch: { threads_1: 20, threads_2: 18 },
  tflop_per_epoch: TFLOP_PER_EPOCH,
  sgemm_peak_gflops_2_cores: SGEMM_PEAK_GFLOPS,
  machine_floor_seconds_per_epoch: Number(((TFLOP_PER_EPOCH * 1000) / SGEMM_PEAK_GFLOPS).toFixed(1)),
  targets: { engine_1_thread_max_seconds_per_epoch: 20, peak_rss_max_mb: 500 },
  source: "issue 17: Debian's PyTorch 1.13 on this machine; floor = 0.76 TFLOP per epoch at ~218 GFLOP/s sgemm peak on 2 cores",
};

/** The engine's figures against the references; only meaningful for full-size epochs. */
function versusReference(contenders: Contender[]): Record<string, unknown> {
  const one = secondsOf(contenders, 'engine');
  const two = secondsOf(contenders, 'engine-2workers');
  const { threads_1: torch1, threads_2: torch2 } = CNN_REFERENCE.pytorch_1_13_seconds_per_epoch;
  const floor = CNN_REFERENCE.machine_floor_seconds_per_epoch;
  const gflops = (seconds: number | undefined): number | null => (seconds ? Math.round((TFLOP_PER_EPOCH * 1000) / seconds) : null);
  const rss = contenders.filter((c) => c.name.startsWith('engine') && c.available).map((c) => c.peak_rss_mb ?? 0);
  return {
    engine_vs_pytorch_1_thread: speedup(torch1, one),
    engine_2workers_vs_pytorch_2_threads: speedup(torch2, two),
    engine_times_machine_floor: speedup(one, floor),
    engine_2workers_times_machine_floor: speedup(two, floor),
    engine_gflops: gflops(one),
    engine_2workers_gflops: gflops(two),
    met: {
      engine_1_thread_seconds_per_epoch: one === undefined ? null : one <= CNN_REFERENCE.targets.engine_1_thread_max_seconds_per_epoch,
      engine_2workers_faster: one && two ? two < one : null,
      peak_rss: rss.length ? Math.max(...rss) <= CNN_REFERENCE.targets.peak_rss_max_mb : null,
    },
  };
}

export async function measureCnn(names: ReadonlyArray<keyof typeof CNN_PLANS>, run: TrainRun): Promise<Record<string, unknown>> {
  const contenders = await measureContenders(CNN_PLANS, names, run, 'the cnn preset');
  return {
    benchmark: BENCHMARK,
    epochs: run.epochs,
    limit: run.limit ?? null,
    images: run.limit ? `the first ${run.limit} training images (80% train, 20% validation)` : '48,000 train + 12,000 validation',
    metric:
      'seconds_per_epoch = training + validation: for the engine and native TensorFlow the median of epochs 2..N (epoch 1 includes warm-up; with 1 epoch, that one); for tfjs-cpu-fit extrapolated from timed batches (extrapolated: true, no test accuracy: it trains only those batches); samples_per_second = training samples / seconds_per_epoch; peak_rss_mb = the contender process',
    contenders,
    ratio_engine_vs_tfjs_cpu_fit: speedup(secondsOf(contenders, 'tfjs-cpu-fit'), secondsOf(contenders, 'engine')),
    ratio_engine_2workers_vs_engine: speedup(secondsOf(contenders, 'engine'), secondsOf(contenders, 'engine-2workers')),
    reference: CNN_REFERENCE,
    versus_reference: run.limit ? `not computed: --limit ${run.limit} epochs are not the reference's` : versusReference(contenders),
  };
}
