/**
 * npm run bench as a user runs it: the issue-8 contender JSON (each contender in its own process) and the
 * model save/load part, checked against facts independent of the code: MNIST's 60,000 training images split
 * 80/20 leave 48,000 per epoch, the tutorial network has 118,282 float32 parameters, and one SGD epoch of it
 * lands near 90% test accuracy.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const TRAIN_SAMPLES = 48_000;
const PARAMS = 118_282;

async function bench(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await promisify(execFile)(process.execPath, ['src/launch/bench.js', '--json', ...args], { maxBuffer: 1 << 24 });
  return JSON.parse(stdout) as Record<string, unknown>;
}

function tfjsNodeInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('@tensorflow/tfjs-node');
    return true;
  } catch {
    return false;
  }
}

describe('npm run bench -- --json', () => {
  it('measures the engine builds and two workers in their own processes and lists the ones that cannot run with a reason', async () => {
    const report = await bench('--only', 'train', '--epochs', '2', '--contenders', 'engine,engine-fma,engine-2workers,tensorflow');
    const contenders = report.contenders as Array<Record<string, unknown>>;
    expect(contenders.map((c) => c.name)).toEqual(['engine', 'engine-fma', 'engine-2workers', 'tensorflow']);
    const [engine, fma, twoWorkers, tensorflow] = contenders;
    for (const [run, threads] of [[engine, 1], [fma, 1], [twoWorkers, 2]] as const) {
      expect(run).toMatchObject({ threads, available: true, epochs: 2 });
      // Both figures are rounded for the report (seconds to the millisecond): agree within 0.5%.
      expect(((run.samples_per_second as number) * (run.seconds_per_epoch as number)) / TRAIN_SAMPLES).toBeCloseTo(1, 2);
      expect(run.test_accuracy as number).toBeGreaterThan(0.88);
      expect(run.test_accuracy as number).toBeLessThan(0.95);
      expect(run.peak_rss_mb as number).toBeGreaterThan(50);
    }
    // 'engine' and 'engine-fma' pin their builds; two workers run what the app picks in Node (relaxed SIMD, whose flag it sets).
    expect([engine.build, fma.build, twoWorkers.build]).toEqual(['simd', 'relaxed', 'relaxed']);
    // Two workers compute the same steps up to float summation order (and FMA's single rounding).
    expect(Math.abs((twoWorkers.test_accuracy as number) - (engine.test_accuracy as number))).toBeLessThanOrEqual(0.002);
    expect(tensorflow.available).toBe(tfjsNodeInstalled());
    if (!tfjsNodeInstalled()) expect(tensorflow.reason).toMatch(/tfjs-node/);
    // Without the tfjs-wasm contender there is nothing to compare the engine with.
    expect(report.ratio_engine_vs_tfjs_wasm).toBeNull();
  });

  it('times saving and loading the tutorial network as .h5 and model.json', async () => {
    const report = await bench('--only', 'io');
    const formats = (report.model_io as { formats: Array<Record<string, number | string>> }).formats;
    expect(formats.map((f) => f.format)).toEqual(['h5', 'tfjs']);
    for (const format of formats) {
      // Both formats hold every float32 parameter, plus their own metadata.
      expect(format.bytes as number).toBeGreaterThanOrEqual(4 * PARAMS);
      expect(format.bytes as number).toBeLessThan(4 * PARAMS + 64 * 1024);
      expect(format.save_seconds as number).toBeGreaterThan(0);
      expect(format.load_seconds as number).toBeGreaterThan(0);
    }
  });
});
