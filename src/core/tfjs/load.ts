/**
 * Loading TensorFlow.js on one of its backends. Training runs on it (training/backend.ts adds the engine and the
 * 'auto' choice), and the TF.js layers writer uses it to serialize; both reach it here, below them.
 */
import type * as TfModule from '@tensorflow/tfjs';
import { BACKEND_LABELS, type BackendName } from '../api/backends';
import { firstLine } from '../api/first-line';

export type Tf = typeof TfModule;

/** The backends that run through tfjs; 'engine' is Digit Studio's own trainer. */
export type TfBackendName = Exclude<BackendName, 'engine'>;

export interface LoadedBackend {
  name: TfBackendName;
  tf: Tf;
}

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

/** Loads one tfjs backend. */
export async function loadBackend(name: TfBackendName): Promise<LoadedBackend> {
  let tf: Tf;
  try {
    tf = await importTf(name);
  } catch (error) {
    throw new BackendUnavailableError(`${BACKEND_LABELS[name]} is not available: ${firstLine(error)}`);
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
