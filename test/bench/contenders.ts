/**
 * The training contenders of issue 8, each measured in its own child process so that its peak RSS is its own:
 * stock tfjs-wasm `model.fit`, the engine on one thread, the engine with two workers splitting each batch
 * (threads: 2, whatever the load: the figure is meant for idle cores), the engine's relaxed-SIMD (FMA) build in
 * a Node started with --experimental-wasm-relaxed-simd, and native TensorFlow where @tensorflow/tfjs-node
 * installed. A contender that cannot run here is listed with the reason.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BackendMeasurement } from './train-backend';

export const CONTENDERS = ['tfjs-wasm-fit', 'engine', 'engine-2workers', 'engine-fma', 'tensorflow'] as const;
export type ContenderName = (typeof CONTENDERS)[number];

/** What a child prints: a backend measurement, or the tfjs fit one (same timing fields). */
export type ChildMeasurement = Partial<BackendMeasurement> & { ok?: boolean; error?: string };

export interface Contender {
  name: ContenderName;
  threads: number;
  available: boolean;
  reason?: string;
  build?: string;
  epochs?: number;
  seconds_per_epoch?: number;
  samples_per_second?: number;
  peak_rss_mb?: number;
  test_accuracy?: number;
  epoch_seconds?: number[];
}

/** Runs `bench.js --child <child> …` under the given Node flags; its last stdout line is the measurement. */
export function measureInChild(child: string, args: string[], nodeFlags: string[] = []): Promise<ChildMeasurement> {
  const bin = fileURLToPath(new URL('../../src/launch/bench.js', import.meta.url));
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [...nodeFlags, bin, '--child', child, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk) => (out += chunk));
    proc.on('close', (code) => {
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '') as ChildMeasurement);
      } catch {
        resolve({ ok: false, error: `benchmark process exited with code ${code}` });
      }
    });
  });
}

function tfjsNodeMissing(): string | null {
  try {
    createRequire(import.meta.url).resolve('@tensorflow/tfjs-node');
    return null;
  } catch {
    return '@tensorflow/tfjs-node is not installed here (optional dependency; its native download did not happen)';
  }
}

function toContender(name: ContenderName, threads: number, m: ChildMeasurement): Contender {
  if (m.ok === false) return { name, threads, available: false, reason: m.error };
  const round = (value: number | undefined, digits: number): number | undefined => (value === undefined ? undefined : Number(value.toFixed(digits)));
  return {
    name,
    threads: m.threads ?? threads,
    available: true,
    build: m.build,
    epochs: m.epochs,
    seconds_per_epoch: round(m.seconds_per_epoch, 3),
    samples_per_second: round(m.samples_per_second, 0),
    peak_rss_mb: m.peak_rss_mb,
    test_accuracy: round(m.test_accuracy, 4),
    epoch_seconds: m.epoch_seconds?.map((s) => Number(s.toFixed(3))),
  };
}

export async function measureContender(name: ContenderName, epochs: number): Promise<Contender> {
  const args = ['--epochs', String(epochs)];
  switch (name) {
    case 'tfjs-wasm-fit':
      return toContender(name, 1, await measureInChild('tfjs-wasm-fit', args));
    case 'engine':
    case 'engine-2workers': {
      const threads = name === 'engine' ? 1 : 2;
      const m = await measureInChild('engine', [...args, '--threads', String(threads)]);
      if (m.ok && m.build !== 'simd') return { name, threads, available: false, reason: `expected the SIMD128 build, this Node loaded '${m.build}'` };
      if (m.ok && m.threads !== threads) return { name, threads, available: false, reason: `the run trained on ${m.threads} thread(s)` };
      return toContender(name, threads, m);
    }
    case 'engine-fma': {
      const m = await measureInChild('engine', args, ['--experimental-wasm-relaxed-simd']);
      if (m.ok && m.build !== 'relaxed') return { name, threads: 1, available: false, reason: `this Node (${process.version}) does not validate WebAssembly relaxed SIMD even with --experimental-wasm-relaxed-simd` };
      return toContender(name, 1, m);
    }
    case 'tensorflow': {
      const missing = tfjsNodeMissing();
      return missing ? { name, threads: cpus().length, available: false, reason: missing } : toContender(name, cpus().length, await measureInChild('tensorflow', args));
    }
  }
}
