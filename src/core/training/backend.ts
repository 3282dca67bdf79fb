import { createRequire } from 'node:module';
import { runLayers } from '../api/architecture';
import { BACKEND_LABELS, BACKENDS, type BackendName } from '../api/backends';
import type { TrainConfig } from '../api/train-config';
import { BackendUnavailableError, isNativeBackend, loadBackend, NATIVE_PACKAGES, type LoadedBackend, type ModuleImporter, type TfBackendName } from '../tfjs/load';
import { engineGap, loadEngine, type EngineRuntime } from './engine';
import { tfjsGap } from './tfjs-trainer';

export interface EngineBackend {
  name: 'engine';
  engine: EngineRuntime;
}

async function tryEngine(config: TrainConfig): Promise<EngineBackend> {
  const gap = engineGap(config);
  if (gap) throw new BackendUnavailableError(`${BACKEND_LABELS.engine} does not cover these settings: ${gap}`);
  try {
    return { name: 'engine', engine: await loadEngine() };
  } catch (error) {
    throw new BackendUnavailableError(`${BACKEND_LABELS.engine} is not available: ${(error as Error).message}`);
  }
}

async function tryTfjs(name: TfBackendName, config: TrainConfig, importModule?: ModuleImporter): Promise<LoadedBackend> {
  const gap = tfjsGap(name, runLayers(config));
  if (gap) throw new BackendUnavailableError(gap);
  return loadBackend(name, importModule);
}

/**
 * The backend a run's settings name, or with 'auto' the first in BACKENDS (fastest first) that loads and covers
 * them. `importModule` loads the native packages (tests pretend one is installed or not).
 */
export async function loadTrainingBackend(config: TrainConfig, importModule?: ModuleImporter): Promise<LoadedBackend | EngineBackend> {
  const load = (name: BackendName): Promise<LoadedBackend | EngineBackend> => (name === 'engine' ? tryEngine(config) : tryTfjs(name, config, importModule));
  if (config.backend !== 'auto') return load(config.backend);
  const reasons: string[] = [];
  for (const name of BACKENDS) {
    try {
      return await load(name);
    } catch (error) {
      reasons.push((error as Error).message);
    }
  }
  throw new BackendUnavailableError(`no training backend could be loaded: ${reasons.join('; ')}`);
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
