/**
 * npm run bench [-- --json --epochs N --contenders a,b --only train|io|export|ui --backends tensorflow,engine,wasm,cpu --seed-run]
 * Prints one JSON document (--json is accepted; the output is always JSON):
 * - contenders: the Keras tutorial preset trained for N epochs by stock tfjs-wasm `model.fit`, the engine (one
 *   thread, two workers, FMA build) and native TensorFlow, each in a fresh process, with the engine vs tfjs-wasm ratio;
 * - model_io: save and load times of the tutorial network as Keras .h5 and TF.js model.json;
 * - export: each TFLite variant of the committed model, its export time, size and LiteRT.js accuracy;
 * - ui: the renderer's responsiveness in web mode + Chromium (./ui).
 * --only picks parts (comma-separated). --backends adds the app's own backends compared with plain-JS cpu as the baseline.
 * --seed-run instead trains the tutorial preset for its 100 epochs on the engine: wall time and test accuracy.
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { BACKENDS, type BackendName } from '../../src/core/api/backends';
import { CONTENDERS, measureContender, measureInChild, type Contender, type ContenderName } from './contenders';

const BASELINE: BackendName = 'cpu';
const PARTS = ['train', 'io', 'export', 'ui'] as const;
/** What the seed's 100-epoch Keras run reached on the MNIST test set. */
const SEED_TEST_ACCURACY = 0.9756;
const TUTORIAL = 'train keras-tutorial preset (784-128-128-10 relu, SGD 0.01, batch 64, 48,000 train + 12,000 validation images)';

function list<T extends string>(flag: string, value: string, allowed: readonly T[]): T[] {
  const items = value.split(',') as T[];
  const unknown = items.filter((item) => !allowed.includes(item));
  if (unknown.length) throw new Error(`--${flag}: unknown ${unknown.join(', ')} (expected ${allowed.join(', ')})`);
  return items;
}

async function runChild(child: string, epochs: number, threads: string): Promise<unknown> {
  // Imported on demand, so that a contender's process holds only its own libraries (peak RSS).
  if (child === 'tfjs-wasm-fit') return { ok: true, ...(await (await import('./tfjs-fit')).measureTfjsFit(epochs)) };
  return (await import('./train-backend')).measureBackend(list('child', child, BACKENDS)[0], epochs, threads);
}

async function seedRun(): Promise<Record<string, unknown>> {
  const epochs = 100;
  process.stderr.write(`bench: seed run, ${epochs} epochs of the Keras tutorial preset on the engine…\n`);
  const m = await measureInChild('engine', ['--epochs', String(epochs)]);
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

async function measureContenders(names: ContenderName[], epochs: number): Promise<Record<string, unknown>> {
  const contenders: Contender[] = [];
  for (const name of names) {
    process.stderr.write(`bench: ${name}, ${epochs} epoch(s) of the Keras tutorial preset…\n`);
    contenders.push(await measureContender(name, epochs));
  }
  const seconds = (name: ContenderName): number | undefined => contenders.find((c) => c.name === name && c.available)?.seconds_per_epoch;
  const tfjs = seconds('tfjs-wasm-fit');
  const engine = seconds('engine');
  return {
    benchmark: TUTORIAL,
    epochs,
    metric: 'seconds_per_epoch = median of epochs 2..N (epoch 1 includes warm-up), training + validation; samples_per_second = training samples / seconds_per_epoch; peak_rss_mb = the contender process',
    contenders,
    ratio_engine_vs_tfjs_wasm: tfjs && engine ? Number((tfjs / engine).toFixed(2)) : null,
  };
}

async function compareBackends(backends: BackendName[], epochs: number): Promise<Record<string, unknown>> {
  const results = [];
  for (const backend of backends) {
    process.stderr.write(`bench: backend ${backend}, ${epochs} epoch(s)…\n`);
    results.push({ backend, ...(await measureInChild(backend, ['--epochs', String(epochs)])) });
  }
  const baseline = results.find((r) => r.backend === BASELINE && r.ok);
  const speedup = Object.fromEntries(
    results.filter((r) => r.ok && baseline).map((r) => [r.backend, Number((baseline!.seconds_per_epoch! / r.seconds_per_epoch!).toFixed(2))]),
  );
  return { baseline: BASELINE, results, speedup_vs_baseline: speedup };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      epochs: { type: 'string', default: '3' },
      contenders: { type: 'string', default: CONTENDERS.join(',') },
      backends: { type: 'string' },
      child: { type: 'string' },
      threads: { type: 'string', default: '1' },
      only: { type: 'string' },
      'seed-run': { type: 'boolean', default: false },
    },
  });
  const epochs = Number(values.epochs);
  if (!Number.isInteger(epochs) || epochs < 1) throw new Error(`--epochs: expected a whole number ≥ 1, got '${values.epochs}'`);
  if (values.child) {
    console.log(JSON.stringify(await runChild(values.child, epochs, values.threads)));
    return;
  }
  const machine = { cpus: cpus().length, cpu_model: cpus()[0]?.model, node: process.version, platform: `${process.platform}-${process.arch}` };
  if (values['seed-run']) {
    console.log(JSON.stringify({ machine, ...(await seedRun()) }, null, 2));
    return;
  }
  const parts = values.only === undefined ? PARTS : list('only', values.only, PARTS);
  const report: Record<string, unknown> = { machine };
  if (parts.includes('train')) Object.assign(report, await measureContenders(list('contenders', values.contenders, CONTENDERS), epochs));
  if (values.backends) report.backends = await compareBackends(list('backends', values.backends, BACKENDS), epochs);
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
