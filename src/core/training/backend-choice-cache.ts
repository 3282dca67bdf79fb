/**
 * Where 'auto' keeps the results of its backend races: one JSON file in the user's cache folder, keyed by the
 * machine (CPU model and count, Node, the native package's version) and the network (architecture, batch size,
 * optimizer). A missing, damaged or unwritable cache only means racing again.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { describeArchitecture } from '../api/architecture';
import type { BackendName } from '../api/backends';
import type { TrainConfig } from '../api/train-config';
import { writeFileAtomic } from '../fs/atomic-write';

export interface RaceResult {
  times: Array<{ name: BackendName; ms: number }>;
}

type CacheFile = Record<string, RaceResult>;

/** Entries kept at most: the oldest go first. */
const MAX_ENTRIES = 64;

export function defaultCachePath(): string {
  const base = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  return join(base, 'digit-studio', 'backend-choice.json');
}

function packageVersion(name: string): string {
  try {
    return (createRequire(import.meta.url)(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'absent';
  }
}

/** The machine and the network a race result holds for. */
export function raceKey(config: TrainConfig, competitors: readonly BackendName[]): string {
  const machine = `${cpus()[0]?.model ?? 'cpu'} x${cpus().length} node ${process.version} tfjs-node ${packageVersion('@tensorflow/tfjs-node')} tfjs-node-gpu ${packageVersion('@tensorflow/tfjs-node-gpu')}`;
  return `${machine} | ${describeArchitecture(config)} ${config.activation} batch ${config.batchSize} ${config.optimizer} | ${competitors.join(',')}`;
}

async function readCache(path: string): Promise<CacheFile> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as CacheFile) : {};
  } catch {
    return {};
  }
}

/**
 * A result that times exactly these competitors, once each, in finite non-negative milliseconds. Anything else (an
 * edited or damaged file, a name that is not racing now) is no result: the race runs again.
 */
function isRaceOf(value: unknown, competitors: readonly BackendName[]): value is RaceResult {
  const times = (value as RaceResult | undefined)?.times;
  if (!Array.isArray(times) || times.length !== competitors.length) return false;
  const names = new Set(times.map((t: unknown) => (t as { name?: unknown } | null)?.name));
  return (
    competitors.every((name) => names.has(name)) &&
    times.every((t: unknown) => {
      const ms = (t as { ms?: unknown } | null)?.ms;
      return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0;
    })
  );
}

export async function cachedRace(path: string, key: string, competitors: readonly BackendName[]): Promise<RaceResult | null> {
  const entry = (await readCache(path))[key];
  return isRaceOf(entry, competitors) ? { times: entry.times.map(({ name, ms }) => ({ name, ms })) } : null;
}

export async function rememberRace(path: string, key: string, result: RaceResult): Promise<void> {
  try {
    const cache = await readCache(path);
    delete cache[key];
    const entries = [...Object.entries(cache), [key, result] as const].slice(-MAX_ENTRIES);
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, JSON.stringify(Object.fromEntries(entries), null, 2));
  } catch {
    // Racing again next time is all it costs.
  }
}
