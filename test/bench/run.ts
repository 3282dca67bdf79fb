/**
 * npm run bench [-- --epochs N --backends tensorflow,wasm,cpu]
 * Trains the Keras tutorial preset for N epochs on each backend, each in a fresh process, and prints one JSON
 * document comparing them with the plain-JavaScript cpu backend as the baseline measured in the same run.
 */
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BACKENDS, type BackendName } from '../../src/core/training/config';
import { measureBackend, type BackendMeasurement } from './train-backend';

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

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { epochs: { type: 'string', default: '3' }, backends: { type: 'string', default: BACKENDS.join(',') }, child: { type: 'string' } } });
  const epochs = Number(values.epochs);
  if (!Number.isInteger(epochs) || epochs < 1) throw new Error(`--epochs: expected a whole number ≥ 1, got '${values.epochs}'`);
  if (values.child) {
    console.log(JSON.stringify(await measureBackend(values.child as BackendName, epochs)));
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
    machine: { cpus: cpus().length, cpu_model: cpus()[0]?.model, node: process.version, platform: `${process.platform}-${process.arch}` },
    epochs,
    metric: 'seconds_per_epoch = median of epochs 2..N (epoch 1 includes warm-up), training + validation',
    baseline: BASELINE,
    results,
    speedup_vs_baseline: speedup,
  };
  console.log(JSON.stringify(report, null, 2));
}

main().catch((error: unknown) => {
  console.error(`bench: error: ${(error as Error).message}`);
  process.exitCode = 1;
});
