/**
 * How many threads the engine trains with. Two workers splitting each batch are 1.7–1.8× faster than one
 * thread on idle cores, but several times slower when another process holds a core (each step waits for the
 * slower worker), so 'auto' uses two only when two cores are measured idle at the start of the run.
 */
import { cpus } from 'node:os';
import type { TrainConfig } from '../../api/train-config';

/** How long 'auto' watches the cores. */
const SAMPLE_MS = 150;
/** Idle core-time per wall time that counts as two idle cores. */
const TWO_IDLE_CORES = 1.8;

function idleMs(): number {
  return cpus().reduce((sum, cpu) => sum + cpu.times.idle, 0);
}

/** Cores' worth of idle time over the next `ms` milliseconds (2 = two cores idle throughout). */
export async function measureIdleCores(ms = SAMPLE_MS): Promise<number> {
  const idleBefore = idleMs();
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return (idleMs() - idleBefore) / (performance.now() - started);
}

/** The setting resolved: missing means 1; 'auto' measures. */
export async function engineThreads(setting: TrainConfig['threads']): Promise<1 | 2> {
  if (setting !== 'auto') return setting ?? 1;
  return cpus().length >= 2 && (await measureIdleCores()) >= TWO_IDLE_CORES ? 2 : 1;
}
