/**
 * npm run bench [-- --json --epochs N --contenders a,b --only train|cnn|io|export|ui --backends tensorflow,engine,wasm,cpu
 *               --cnn-epochs N --cnn-contenders a,b --fit-batches N --limit N --seed-run]
 * Prints one JSON document (--json is accepted; the output is always JSON):
 * - contenders: the Keras tutorial preset trained for N epochs by stock tfjs-wasm `model.fit`, the engine (SIMD128 build
 *   on one thread, two workers, relaxed-SIMD FMA build) and native TensorFlow, each in a fresh process, with the engine
 *   vs tfjs-wasm ratio;
 * - cnn: keras.io's CNN trained by tfjs-cpu `model.fit` (an epoch extrapolated from --fit-batches timed batches), the
 *   engine on one thread and two workers (--cnn-epochs epochs) and native TensorFlow, with ratios and the issue's
 *   reference points (./cnn);
 * - model_io: save and load times of the tutorial network as Keras .h5 and TF.js model.json;
 * - export: each TFLite variant of the committed model, its export time, size and LiteRT.js accuracy;
 * - ui: the renderer's responsiveness in web mode + Chromium, the Draw page with the bundled MLP and a CNN (./ui).
 * --only picks parts (comma-separated). --backends adds the app's own backends compared with plain-JS cpu as the baseline.
 * --limit N trains every contender on the first N training images only (quick checks; the figures are then not per
 * full epoch). --seed-run instead trains the tutorial preset for its 100 epochs on the engine: wall time and test accuracy.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { BACKENDS, type BackendName } from '../../src/core/api/backends';
import { PRESETS, type PresetName } from '../../src/core/api/train-config';
import { CNN_CONTENDERS, measureCnn } from './cnn';
import { CONTENDERS, MLP_PLANS, measureContenders, measureInChild, runArgs, secondsOf, speedup, type ChildMeasurement } from './contenders';
import type { TrainRun } from './train-backend';

const BASELINE: BackendName = 'cpu';
const PARTS = ['train', 'cnn', 'io', 'export', 'ui'] as const;
/** What the seed's 100-epoch Keras run reached on the MNIST test set. */
const SEED_TEST_ACCURACY = 0.9756;
const TUTORIAL = 'train keras-tutorial preset (784-128-128-10 relu, SGD 0.01, batch 64, 48,000 train + 12,000 validation images)';

function list<T extends string>(flag: string, value: string, allowed: readonly T[]): T[] {
  const items = value.split(',') as T[];
  const unknown = items.filter((item) => !allowed.includes(item));
  if (unknown.length) throw new Error(`--${flag}: unknown ${unknown.join(', ')} (expected ${allowed.join(', ')})`);
  return items;
}

function count(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${flag}: expected a whole number ≥ 1, got '${value}'`);
  return n;
}

async function runChild(child: string, run: TrainRun, threads: string): Promise<ChildMeasurement> {
  // Imported on demand, so that a contender's process holds only its own libraries (peak RSS).
  try {
    if (child === 'tfjs-wasm-fit') return { ok: true, ...(await (await import('./tfjs-fit')).measureTfjsFit(run)) };
    if (child === 'tfjs-cpu-fit') return { ok: true, ...(await (await import('./tfjs-fit')).measureTfjsFitBatches(run)) };
    return await (await import('./train-backend')).measureBackend(list('child', child, BACKENDS)[0], run, threads);
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

async function seedRun(): Promise<Record<string, unknown>> {
  const epochs = 100;
  process.stderr.write(`bench: seed run, ${epochs} epochs of the Keras tutorial preset on the engine…\n`);
  const m = await measureInChild('engine', runArgs({ preset: 'keras-tutorial', epochs }));
  if (!m.ok) return { benchmark: `seed run: ${TUTORIAL}`, ok: false, error: m.error };
  return {
    benchmark: `seed run: ${TUTORIAL}, ${epochs} epochs on the engine`,
    build: m.build,
    epochs,
    wall_seconds: m.wall_seconds,
    seconds_per_epoch: Number(m.seconds_per_epoch!.toFixed(3)),
    test_accuracy: m.test_accuracy,
    seed_test_accuracy: SEED_TEST_ACCURACY,
    accuracy_difference: Number((m.test_accuracy! - SEED_TEST_ACCURACY).toFixed(4)),
    peak_rss_mb: m.peak_rss_mb,
  };
}

async function measureTutorial(names: Array<keyof typeof MLP_PLANS>, run: TrainRun): Promise<Record<string, unknown>> {
  const contenders = await measureContenders(MLP_PLANS, names, run, 'the Keras tutorial preset');
  return {
    benchmark: TUTORIAL,
    epochs: run.epochs,
    limit: run.limit ?? null,
    metric: 'seconds_per_epoch = median of epochs 2..N (epoch 1 includes warm-up), training + validation; samples_per_second = training samples / seconds_per_epoch; peak_rss_mb = the contender process',
    contenders,
    ratio_engine_vs_tfjs_wasm: speedup(secondsOf(contenders, 'tfjs-wasm-fit'), secondsOf(contenders, 'engine')),
    ratio_engine_fma_vs_engine: speedup(secondsOf(contenders, 'engine'), secondsOf(contenders, 'engine-fma')),
  };
}

async function compareBackends(backends: BackendName[], run: TrainRun): Promise<Record<string, unknown>> {
  const results = [];
  for (const backend of backends) {
    process.stderr.write(`bench: backend ${backend}, ${run.epochs} epoch(s)…\n`);
    results.push({ backend, ...(await measureInChild(backend, runArgs(run))) });
  }
  const baseline = results.find((r) => r.backend === BASELINE && r.ok);
  const speedups = Object.fromEntries(
    results.filter((r) => r.ok && baseline).map((r) => [r.backend, Number((baseline!.seconds_per_epoch! / r.seconds_per_epoch!).toFixed(2))]),
  );
  return { baseline: BASELINE, results, speedup_vs_baseline: speedups };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      epochs: { type: 'string', default: '3' },
      contenders: { type: 'string', default: CONTENDERS.join(',') },
      backends: { type: 'string' },
      'cnn-epochs': { type: 'string', default: '2' },
      'cnn-contenders': { type: 'string', default: CNN_CONTENDERS.join(',') },
      'fit-batches': { type: 'string', default: '3' },
      limit: { type: 'string' },
      only: { type: 'string' },
      'seed-run': { type: 'boolean', default: false },
      // Set by the parent for a child process:
      child: { type: 'string' },
      preset: { type: 'string', default: 'keras-tutorial' },
      threads: { type: 'string', default: '1' },
      batches: { type: 'string' },
    },
  });
  const epochs = count('epochs', values.epochs);
  const limit = values.limit === undefined ? undefined : count('limit', values.limit);
  if (values.child) {
    const preset = list('preset', values.preset, Object.keys(PRESETS) as PresetName[])[0];
    const batches = values.batches === undefined ? undefined : count('batches', values.batches);
    console.log(JSON.stringify(await runChild(values.child, { preset, epochs, limit, batches }, values.threads)));
    return;
  }
  const machine = { cpus: cpus().length, cpu_model: cpus()[0]?.model, node: process.version, platform: `${process.platform}-${process.arch}`, load_average_1m_at_start: loadavg()[0] };
  if (values['seed-run']) {
    console.log(JSON.stringify({ machine, ...(await seedRun()) }, null, 2));
    return;
  }
  const parts = values.only === undefined ? PARTS : list('only', values.only, PARTS);
  const report: Record<string, unknown> = { machine };
  const tutorial: TrainRun = { preset: 'keras-tutorial', epochs, limit };
  if (parts.includes('train')) Object.assign(report, await measureTutorial(list('contenders', values.contenders, CONTENDERS), tutorial));
  if (values.backends) report.backends = await compareBackends(list('backends', values.backends, BACKENDS), tutorial);
  if (parts.includes('cnn')) {
    const cnnRun: TrainRun = { preset: 'cnn', epochs: count('cnn-epochs', values['cnn-epochs']), limit, batches: count('fit-batches', values['fit-batches']) };
    report.cnn = await measureCnn(list('cnn-contenders', values['cnn-contenders'], CNN_CONTENDERS), cnnRun);
  }
  if (parts.includes('io')) report.model_io = await (await import('./model-io')).measureModelIo();
  if (parts.includes('export')) report.export = await (await import('./export')).measureExport();
  if (parts.includes('ui')) {
    process.stderr.write('bench: renderer responsiveness in web mode + Chromium…\n');
    report.ui = await (await import('./ui')).measureUi();
  }
  console.log(JSON.stringify(report, null, 2));
}

main().catch((error: unknown) => {
  console.error(`bench: error: ${(error as Error).message}`);
  process.exitCode = 1;
});
