/**
 * Training contenders, each measured in its own child process (bench.js --child …) so that its peak RSS is its own.
 * A plan says which child a contender runs, on how many threads, and which engine build it pins (the app otherwise
 * loads the fastest one the runtime validates: relaxed SIMD, since relaxed-simd.ts enables it in Node too). Two
 * workers split each batch whatever the load (threads: 2): the figure is meant for idle cores. Native TensorFlow
 * runs where its optional package installed; a contender that cannot run here is listed with the reason.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BackendName } from '../../src/core/api/backends';
import { NATIVE_PACKAGES, isNativeBackend } from '../../src/core/tfjs/load';
import type { EngineBuild } from '../../src/core/training/engine/builds';
import type { FitMeasurement } from './tfjs-fit';
import type { BackendMeasurement, TrainRun } from './train-backend';

export type ChildName = BackendName | 'tfjs-wasm-fit' | 'tfjs-cpu-fit';

export interface Plan {
  child: ChildName;
  threads: number;
  /** Pins the engine's build (DIGIT_STUDIO_ENGINE_BUILD, read by src/core/training/backend.ts in the training worker). */
  build?: EngineBuild;
}

/** Native TensorFlow's own thread pool uses every core. */
const NATIVE_THREADS = cpus().length;

/** The MLP part: the Keras tutorial preset. 'engine' is the SIMD128 build on one thread, 'engine-fma' the relaxed-SIMD one. */
export const MLP_PLANS = {
  'tfjs-wasm-fit': { child: 'tfjs-wasm-fit', threads: 1 },
  engine: { child: 'engine', threads: 1, build: 'simd' },
  'engine-2workers': { child: 'engine', threads: 2 },
  'engine-fma': { child: 'engine', threads: 1, build: 'relaxed' },
  tensorflow: { child: 'tensorflow', threads: NATIVE_THREADS },
  'tensorflow-gpu': { child: 'tensorflow-gpu', threads: NATIVE_THREADS },
} as const satisfies Record<string, Plan>;
export const CONTENDERS = Object.keys(MLP_PLANS) as Array<keyof typeof MLP_PLANS>;

/** What a child prints: a backend measurement, or a tfjs fit one (same timing fields). */
export type ChildMeasurement = Partial<BackendMeasurement> & Partial<FitMeasurement> & { ok?: boolean; error?: string };

export interface Contender extends Pick<FitMeasurement, 'extrapolated' | 'extrapolation'> {
  name: string;
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

/** The arguments that make a child train `run`. */
export function runArgs({ preset, epochs, limit, batches }: TrainRun): string[] {
  return ['--preset', preset, '--epochs', String(epochs), ...(limit ? ['--limit', String(limit)] : []), ...(batches ? ['--batches', String(batches)] : [])];
}

/** Runs `bench.js --child <child> …` with extra environment; its last stdout line is the measurement. */
export function measureInChild(child: ChildName, args: string[], env: Record<string, string> = {}): Promise<ChildMeasurement> {
  const bin = fileURLToPath(new URL('../../src/launch/bench.js', import.meta.url));
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [bin, '--child', child, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
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

function nativeMissing(child: ChildName): string | null {
  if (!isNativeBackend(child as BackendName)) return null;
  const name = NATIVE_PACKAGES[child as keyof typeof NATIVE_PACKAGES];
  try {
    createRequire(import.meta.url).resolve(name);
    return null;
  } catch {
    const needs = child === 'tensorflow-gpu' ? 'an NVIDIA GPU with CUDA, and a user installs it' : 'its native TensorFlow download did not happen';
    return `${name} is not installed here (optional dependency: ${needs})`;
  }
}

const round = (value: number | undefined, digits: number): number | undefined => (value === undefined ? undefined : Number(value.toFixed(digits)));

function toContender(name: string, threads: number, m: ChildMeasurement): Contender {
  if (m.ok === false) return { name, threads, available: false, reason: m.error };
  return {
    name,
    threads: m.threads ?? threads,
    available: true,
    build: m.build,
    epochs: m.epochs,
    seconds_per_epoch: round(m.seconds_per_epoch, 3),
    samples_per_second: round(m.samples_per_second, m.samples_per_second !== undefined && m.samples_per_second < 100 ? 2 : 0),
    peak_rss_mb: m.peak_rss_mb,
    test_accuracy: round(m.test_accuracy, 4),
    epoch_seconds: m.epoch_seconds?.map((s) => Number(s.toFixed(3))),
    extrapolated: m.extrapolated,
    extrapolation: m.extrapolation,
  };
}

export async function measureContender(name: string, plan: Plan, run: TrainRun): Promise<Contender> {
  const missing = nativeMissing(plan.child);
  if (missing) return { name, threads: plan.threads, available: false, reason: missing };
  const engine = plan.child === 'engine';
  const args = [...runArgs(plan.child === 'tfjs-cpu-fit' ? run : { ...run, batches: undefined }), ...(engine ? ['--threads', String(plan.threads)] : [])];
  const m = await measureInChild(plan.child, args, plan.build ? { DIGIT_STUDIO_ENGINE_BUILD: plan.build } : {});
  if (m.ok && engine && m.threads !== plan.threads) return { name, threads: plan.threads, available: false, reason: `the run trained on ${m.threads} thread(s)` };
  return toContender(name, plan.threads, m);
}

/** Measures the named contenders of a part one after the other (never two at once: they would share the cores). */
export async function measureContenders<P extends Record<string, Plan>>(plans: P, names: ReadonlyArray<keyof P & string>, run: TrainRun, what: string): Promise<Contender[]> {
  const contenders: Contender[] = [];
  for (const name of names) {
    process.stderr.write(`bench: ${name}, ${plans[name].child === 'tfjs-cpu-fit' ? `${run.batches} timed batch(es)` : `${run.epochs} epoch(s)`} of ${what}…\n`);
    contenders.push(await measureContender(name, plans[name], run));
  }
  return contenders;
}

/** The steady seconds per epoch of an available contender. */
export const secondsOf = (contenders: Contender[], name: string): number | undefined => contenders.find((c) => c.name === name && c.available)?.seconds_per_epoch;

/** How many times faster `fast` is than `slow` (null when either is missing). */
export const speedup = (slow: number | undefined, fast: number | undefined): number | null => (slow && fast ? Number((slow / fast).toFixed(2)) : null);
