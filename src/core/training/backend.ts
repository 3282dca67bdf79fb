import { createRequire } from 'node:module';
import type * as TfModule from '@tensorflow/tfjs';
import type { BackendChoice, BackendName } from './config';

export type Tf = typeof TfModule;

export interface LoadedBackend {
  name: BackendName;
  tf: Tf;
}

/** Fastest first: native TensorFlow where @tensorflow/tfjs-node installed, then WebAssembly, then plain JS. */
export const BACKEND_PREFERENCE: readonly BackendName[] = ['tensorflow', 'wasm', 'cpu'];

export const BACKEND_LABELS: Record<BackendName, string> = {
  tensorflow: 'native TensorFlow (tfjs-node)',
  wasm: 'TensorFlow.js WebAssembly',
  cpu: 'TensorFlow.js plain JavaScript',
};

export class BackendUnavailableError extends Error {}

async function importTf(name: BackendName): Promise<Tf> {
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

async function tryBackend(name: BackendName): Promise<LoadedBackend> {
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

/** Loads the requested backend, or with 'auto' the first one that works in BACKEND_PREFERENCE order. */
export async function loadBackend(choice: BackendChoice): Promise<LoadedBackend> {
  if (choice !== 'auto') return tryBackend(choice);
  const reasons: string[] = [];
  for (const name of BACKEND_PREFERENCE) {
    try {
      return await tryBackend(name);
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
