/**
 * npm run bench [-- --epochs N --backends tensorflow,wasm,cpu --only train|export]
 * Trains the Keras tutorial preset for N epochs on each backend, each in a fresh process, and prints one JSON
 * document comparing them with the plain-JavaScript cpu backend as the baseline measured in the same run.
 * Then exports the committed model to each TFLite variant and reports its export time, size and the accuracy
 * LiteRT.js measures on the MNIST test set. --only picks one of the two parts (export takes seconds, training minutes).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadMnist } from '../../src/core/dataset';
import { readModelFile } from '../../src/core/formats/model-file';
import { exportTflite } from '../../src/core/formats/tflite/export';
import { QUANTIZATIONS } from '../../src/core/formats/tflite/graph';
import { verifyTflite } from '../../src/core/formats/tflite/verify';
import { BACKENDS, type BackendName } from '../../src/core/training/config';
import { measureBackend, type BackendMeasurement } from './train-backend';

const EXPORT_MODEL = 'resources/models/digit-mlp.json';

const BASELINE: BackendName = 'cpu';

function measureInChild(backend: BackendName, epochs: number): Promise<BackendMeasurement> {
  const bin = fileURLToPath(new URL('../../src/launch/bench.js', import.meta.url));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, '--child', backend, '--epochs', String(epochs)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '') as BackendMeasurement);
      } catch {
        resolve({ backend, ok: false, error: `benchmark process exited with code ${code}` });
      }
    });
  });
}

/** Each TFLite variant of the committed model: export time (build + atomic write), size, LiteRT.js accuracy. */
async function measureExport(): Promise<Record<string, unknown>> {
  const model = await readModelFile(fileURLToPath(new URL(`../../${EXPORT_MODEL}`, import.meta.url)));
  const { test } = await loadMnist();
  const dir = mkdtempSync(join(tmpdir(), 'digit-studio-bench-'));
  try {
    const variants = [];
    for (const quantize of QUANTIZATIONS) {
      process.stderr.write(`bench: export ${quantize} + LiteRT.js check on ${test.count} test images…\n`);
      const result = await exportTflite(model, join(dir, `${quantize}.tflite`), { quantize, inputShape: '784', labels: 'words' });
      const check = await verifyTflite(result.bytes, model, test);
      variants.push({
        quantize,
        bytes: result.bytes.length,
        export_seconds: Number(result.seconds.toFixed(4)),
        accuracy: check.accuracy,
        source_accuracy: check.sourceAccuracy,
        argmax_agreement: check.agreement,
        max_abs_prob_diff: check.maxAbsDiff,
        runtime: check.runtime,
      });
    }
    return { model: EXPORT_MODEL, metric: 'export_seconds = build the FlatBuffer + write .tflite and labels atomically (fsync); accuracy on the 10,000 MNIST test images in LiteRT.js', variants };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { epochs: { type: 'string', default: '3' }, backends: { type: 'string', default: BACKENDS.join(',') }, child: { type: 'string' }, only: { type: 'string' } },
  });
  const epochs = Number(values.epochs);
  if (!Number.isInteger(epochs) || epochs < 1) throw new Error(`--epochs: expected a whole number ≥ 1, got '${values.epochs}'`);
  if (values.child) {
    console.log(JSON.stringify(await measureBackend(values.child as BackendName, epochs)));
    return;
  }
  if (values.only !== undefined && values.only !== 'train' && values.only !== 'export') throw new Error(`--only: expected train or export, got '${values.only}'`);
  const machine = { cpus: cpus().length, cpu_model: cpus()[0]?.model, node: process.version, platform: `${process.platform}-${process.arch}` };
  if (values.only === 'export') {
    console.log(JSON.stringify({ benchmark: 'TFLite export', machine, export: await measureExport() }, null, 2));
    return;
  }
  const backends = values.backends.split(',') as BackendName[];
  const unknown = backends.filter((b) => !BACKENDS.includes(b));
  if (unknown.length) throw new Error(`--backends: unknown backend(s) ${unknown.join(', ')}`);
  const results: BackendMeasurement[] = [];
  for (const backend of backends) {
    process.stderr.write(`bench: ${backend}, ${epochs} epoch(s) of the Keras tutorial preset…\n`);
    results.push(await measureInChild(backend, epochs));
  }
  const baseline = results.find((r) => r.backend === BASELINE && r.ok);
  const speedup = Object.fromEntries(
    results.filter((r) => r.ok && baseline).map((r) => [r.backend, Number((baseline!.seconds_per_epoch! / r.seconds_per_epoch!).toFixed(2))]),
  );
  const report = {
    benchmark: 'train keras-tutorial preset (784-128-128-10, SGD 0.01, batch 64, 48,000 train + 12,000 validation images)',
    machine,
    epochs,
    metric: 'seconds_per_epoch = median of epochs 2..N (epoch 1 includes warm-up), training + validation',
    baseline: BASELINE,
    results,
    speedup_vs_baseline: speedup,
    export: values.only === 'train' ? undefined : await measureExport(),
  };
  console.log(JSON.stringify(report, null, 2));
}

main().catch((error: unknown) => {
  console.error(`bench: error: ${(error as Error).message}`);
  process.exitCode = 1;
});
