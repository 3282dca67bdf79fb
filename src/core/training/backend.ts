import { createRequire } from 'node:module';
import { BACKEND_LABELS, BACKENDS, type BackendName } from '../api/backends';
import type { TrainConfig } from '../api/train-config';
import { BackendUnavailableError, loadBackend, type LoadedBackend, type TfBackendName } from '../tfjs/load';
import { engineGap, loadEngine, type EngineRuntime } from './engine';

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

const isTfBackend = (name: BackendName): name is TfBackendName => name !== 'engine';

/** The backend a run's settings name, or with 'auto' the first in BACKENDS (fastest first) that loads and covers them. */
export async function loadTrainingBackend(config: TrainConfig): Promise<LoadedBackend | EngineBackend> {
  const load = (name: BackendName): Promise<LoadedBackend | EngineBackend> => (isTfBackend(name) ? loadBackend(name) : tryEngine(config));
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

/**
 * Backends that can load here, without loading them: the optional native package must be installed; the
 * WebAssembly ones need WebAssembly; plain JavaScript always works.
 */
export function availableBackends(): BackendName[] {
  return BACKENDS.filter((name) => {
    if (name === 'tensorflow') {
      try {
        createRequire(import.meta.url).resolve('@tensorflow/tfjs-node');
        return true;
      } catch {
        return false;
      }
    }
    return name === 'cpu' || 'WebAssembly' in globalThis;
  });
}
