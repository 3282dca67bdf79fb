import { createRequire } from 'node:module';
import type * as TfModule from '@tensorflow/tfjs';
import type { BackendName, TrainConfig } from './config';
import { engineGap, loadEngine, type EngineRuntime } from './engine';

export type Tf = typeof TfModule;

/** The backends that run through tfjs; 'engine' is Digit Studio's own trainer. */
export type TfBackendName = Exclude<BackendName, 'engine'>;

export interface LoadedBackend {
  name: TfBackendName;
  tf: Tf;
}

export interface EngineBackend {
  name: 'engine';
  engine: EngineRuntime;
}

/**
 * Fastest first: native TensorFlow where @tensorflow/tfjs-node installed, then the WebAssembly SIMD engine for
 * every setting it covers, then tfjs WebAssembly, then plain JS.
 */
export const BACKEND_PREFERENCE: readonly BackendName[] = ['tensorflow', 'engine', 'wasm', 'cpu'];

export const BACKEND_LABELS: Record<BackendName, string> = {
  tensorflow: 'native TensorFlow (tfjs-node)',
  engine: 'Digit Studio WebAssembly SIMD engine',
  wasm: 'TensorFlow.js WebAssembly',
  cpu: 'TensorFlow.js plain JavaScript',
};

export class BackendUnavailableError extends Error {}

async function importTf(name: TfBackendName): Promise<Tf> {
  if (name === 'tensorflow') {
    // Optional dependency: absent wherever its libtensorflow download failed. The package name is kept in a
    // variable so bundlers leave the import to run time.
    const nativePackage = '@tensorflow/tfjs-node';
    return (await import(/* @vite-ignore */ nativePackage)) as Tf;
  }
  const tf = await import('@tensorflow/tfjs');
  if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  return tf;
}

async function tryBackend(name: TfBackendName): Promise<LoadedBackend> {
  let tf: Tf;
  try {
    tf = await importTf(name);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new BackendUnavailableError(`${BACKEND_LABELS[name]} is not available: ${reason}`);
  }
  // PROD silences tfjs's console advice ("install tfjs-node") and debug checks; the app reports the backend itself.
  tf.env().set('PROD', true);
  const ok = await tf.setBackend(name);
  await tf.ready();
  if (!ok || tf.getBackend() !== name) {
    throw new BackendUnavailableError(`${BACKEND_LABELS[name]} failed to initialise`);
  }
  return { name, tf };
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

/** Loads one tfjs backend. */
export async function loadBackend(name: TfBackendName): Promise<LoadedBackend> {
  return tryBackend(name);
}

/** The backend a run's settings name, or with 'auto' the first in BACKEND_PREFERENCE that loads and covers them. */
export async function loadTrainingBackend(config: TrainConfig): Promise<LoadedBackend | EngineBackend> {
  const load = (name: BackendName): Promise<LoadedBackend | EngineBackend> => (isTfBackend(name) ? tryBackend(name) : tryEngine(config));
  if (config.backend !== 'auto') return load(config.backend);
  const reasons: string[] = [];
  for (const name of BACKEND_PREFERENCE) {
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
  return BACKEND_PREFERENCE.filter((name) => {
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
