import { createRequire } from 'node:module';
import { runLayers } from '../api/architecture';
import { BACKEND_LABELS, BACKENDS, type BackendName } from '../api/backends';
import type { TrainConfig } from '../api/train-config';
import { BackendUnavailableError, isNativeBackend, loadBackend, NATIVE_PACKAGES, type LoadedBackend, type ModuleImporter, type TfBackendName } from '../tfjs/load';
import { engineGap, loadEngine, type EngineRuntime } from './engine';
import { ENGINE_BUILDS, type EngineBuild } from './engine/builds';
import { cachedRace, defaultCachePath, raceKey, rememberRace } from './backend-choice-cache';
import { explainRace, timeStep } from './backend-race';
import { tfjsGap } from './tfjs-trainer';

export interface EngineBackend {
  name: 'engine';
  engine: EngineRuntime;
}

/**
 * Bench-only: DIGIT_STUDIO_ENGINE_BUILD=simd (or relaxed) pins the engine's build instead of the fastest one this
 * runtime validates, so that `npm run bench` can time the SIMD128 build next to the relaxed-SIMD one.
 */
function pinnedEngineBuild(): EngineBuild | undefined {
  const build = process.env.DIGIT_STUDIO_ENGINE_BUILD;
  if (!build) return undefined;
  if (!(ENGINE_BUILDS as readonly string[]).includes(build)) throw new Error(`DIGIT_STUDIO_ENGINE_BUILD: expected ${ENGINE_BUILDS.join(' or ')}, got '${build}'`);
  return build as EngineBuild;
}

async function tryEngine(config: TrainConfig): Promise<EngineBackend> {
  const gap = engineGap(config);
  if (gap) throw new BackendUnavailableError(`${BACKEND_LABELS.engine} does not cover these settings: ${gap}`);
  try {
    return { name: 'engine', engine: await loadEngine(pinnedEngineBuild()) };
  } catch (error) {
    throw new BackendUnavailableError(`${BACKEND_LABELS.engine} is not available: ${(error as Error).message}`);
  }
}

async function tryTfjs(name: TfBackendName, config: TrainConfig, importModule?: ModuleImporter): Promise<LoadedBackend> {
  const gap = tfjsGap(name, runLayers(config));
  if (gap) throw new BackendUnavailableError(gap);
  return loadBackend(name, importModule);
}

/** A loaded backend, and with 'auto' the sentence that says why it was chosen. */
export type ChosenBackend = (LoadedBackend | EngineBackend) & { choice?: string };

export interface BackendChoiceOptions {
  /** Loads the native packages (tests pretend one is installed or not). */
  importModule?: ModuleImporter;
  /** The race results' file (backend-choice-cache.ts); null keeps none. */
  cachePath?: string | null;
}

/**
 * The backend a run's settings name, or with 'auto': among native TensorFlow (the GPU build before the CPU one: the
 * first that loads) and the engine, the fastest by measurement (backend-race.ts); when neither loads or covers the
 * settings, the first of tfjs WebAssembly and plain JavaScript that does.
 */
export async function loadTrainingBackend(config: TrainConfig, options: BackendChoiceOptions = {}): Promise<ChosenBackend> {
  const load = (name: BackendName): Promise<LoadedBackend | EngineBackend> => (name === 'engine' ? tryEngine(config) : tryTfjs(name, config, options.importModule));
  if (config.backend !== 'auto') return load(config.backend);
  const reasons: string[] = [];
  const attempt = async (name: BackendName): Promise<LoadedBackend | EngineBackend | null> => {
    try {
      return await load(name);
    } catch (error) {
      reasons.push((error as Error).message);
      return null;
    }
  };
  let native: LoadedBackend | EngineBackend | null = null;
  for (const name of BACKENDS.filter(isNativeBackend)) native ??= await attempt(name);
  const competitors = [native, await attempt('engine')].filter((backend) => backend !== null);
  if (competitors.length === 2) return race(config, competitors, options.cachePath === undefined ? defaultCachePath() : options.cachePath);
  if (competitors.length === 1) return competitors[0];
  for (const name of BACKENDS.filter((n) => !isNativeBackend(n) && n !== 'engine')) {
    const fallback = await attempt(name);
    if (fallback) return fallback;
  }
  throw new BackendUnavailableError(`no training backend could be loaded: ${reasons.join('; ')}`);
}

/** Times each competitor (or reads an earlier race on this machine) and returns the fastest with the reason. */
async function race(config: TrainConfig, competitors: Array<LoadedBackend | EngineBackend>, cachePath: string | null): Promise<ChosenBackend> {
  const names = competitors.map((c) => c.name);
  const key = raceKey(config, names);
  const cached = cachePath ? await cachedRace(cachePath, key, names) : null;
  const times = cached?.times ?? [];
  if (!cached) for (const competitor of competitors) times.push({ name: competitor.name, ms: await timeStep(competitor, config) });
  if (!cached && cachePath) await rememberRace(cachePath, key, { times });
  const fastest = [...times].sort((a, b) => a.ms - b.ms)[0];
  const winner = competitors.find((c) => c.name === fastest.name) ?? competitors[0];
  return { ...winner, choice: explainRace(times, cached !== null) };
}

/** Finds an installed package's entry file, or throws (createRequire's resolve; tests pass their own). */
export type PackageResolver = (specifier: string) => string;

/**
 * Backends that can load here, without loading them, in the order 'auto' tries them: a native one where its
 * optional package is installed; the WebAssembly ones where there is WebAssembly; plain JavaScript always.
 */
export function availableBackends(resolve: PackageResolver = createRequire(import.meta.url).resolve): BackendName[] {
  return BACKENDS.filter((name) => {
    if (isNativeBackend(name)) {
      try {
        resolve(NATIVE_PACKAGES[name]);
        return true;
      } catch {
        return false;
      }
    }
    return name === 'cpu' || 'WebAssembly' in globalThis;
  });
}
