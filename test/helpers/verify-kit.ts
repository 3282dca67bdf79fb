/**
 * The independent judges in ../shared/verify: real Keras 3 (check-h5) and LiteRT.js (check-tflite).
 * .ci/run installs them with ../shared/verify/setup.sh (npm part into /tmp/verify-kit-node).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MNIST_DIR } from './mnist-files';

export const VERIFY_DIR = fileURLToPath(new URL('../../../shared/verify/', import.meta.url));
export const VERIFY_FIXTURES = `${VERIFY_DIR}fixtures/`;
const LITERTJS_DIR = process.env.LITERTJS_DIR ?? '/tmp/verify-kit-node';

export interface CheckResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The CHECK_H5_JSON / CHECK_TFLITE_JSON object each tool prints last. */
  report: Record<string, unknown> | null;
}

function run(tool: 'check-h5' | 'check-tflite', args: string[]): CheckResult {
  const result = spawnSync(`${VERIFY_DIR}${tool}`, args, {
    encoding: 'utf8',
    env: { ...process.env, LITERTJS_DIR, MNIST_DIR },
    timeout: 5 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const marker = tool === 'check-h5' ? 'CHECK_H5_JSON ' : 'CHECK_TFLITE_JSON ';
  const line = result.stdout.split('\n').find((l) => l.startsWith(marker));
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, report: line ? (JSON.parse(line.slice(marker.length)) as Record<string, unknown>) : null };
}

/** Real Keras 3 load_model(compile=True) + MNIST accuracy. Pass extra flags such as '--expect-accuracy', '90'. */
export function checkH5(file: string, ...flags: string[]): CheckResult {
  return run('check-h5', [file, '--mnist', MNIST_DIR, ...flags]);
}

/** LiteRT.js load + run + MNIST accuracy; '--compare', 'model.h5' compares with Keras' outputs. */
export function checkTflite(file: string, ...flags: string[]): CheckResult {
  return run('check-tflite', [file, '--mnist', MNIST_DIR, ...flags]);
}

export function verifyKitInstalled(): boolean {
  return existsSync(`${LITERTJS_DIR}/node_modules/@litertjs/core`) && spawnSync('/usr/bin/python3', ['-c', 'import h5py']).status === 0;
}
