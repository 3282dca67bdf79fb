/**
 * Loading TensorFlow.js on one of its backends, for training (training/backend.ts adds the engine and the 'auto'
 * choice): native TensorFlow on the GPU or the CPU, WebAssembly, or plain JavaScript.
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

/**
 * The optional npm package of each native TensorFlow backend. Both are loaded by the same code: only the package
 * differs (each registers its backend with tfjs as 'tensorflow').
 */
export const NATIVE_PACKAGES = { 'tensorflow-gpu': '@tensorflow/tfjs-node-gpu', tensorflow: '@tensorflow/tfjs-node' } as const;
export type NativeBackendName = keyof typeof NATIVE_PACKAGES;

export const isNativeBackend = (name: BackendName): name is NativeBackendName => name in NATIVE_PACKAGES;

/** Imports a package by name; tests pass one that pretends a package is installed or not. */
export type ModuleImporter = (specifier: string) => Promise<unknown>;

/**
 * Native packages are optional dependencies, absent wherever their libtensorflow download failed (or, for the GPU
 * build, never installed). The name reaches import() as a variable so that bundlers leave it to run time.
 */
const importAtRunTime: ModuleImporter = (specifier) => import(/* @vite-ignore */ specifier);

async function importTf(name: TfBackendName, importModule: ModuleImporter): Promise<Tf> {
  if (isNativeBackend(name)) return (await importModule(NATIVE_PACKAGES[name])) as Tf;
  const tf = await import('@tensorflow/tfjs');
  if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  return tf;
}

/** Loads one tfjs backend. */
export async function loadBackend(name: TfBackendName, importModule: ModuleImporter = importAtRunTime): Promise<LoadedBackend> {
  let tf: Tf;
  try {
    tf = await importTf(name, importModule);
  } catch (error) {
    throw new BackendUnavailableError(`${BACKEND_LABELS[name]} is not available: ${firstLine(error)}`);
  }
  // PROD silences tfjs's console advice ("install tfjs-node") and debug checks; the app reports the backend itself.
  tf.env().set('PROD', true);
  const tfjsName = isNativeBackend(name) ? 'tensorflow' : name;
  const ok = await tf.setBackend(tfjsName);
  await tf.ready();
  if (!ok || tf.getBackend() !== tfjsName) {
    throw new BackendUnavailableError(`${BACKEND_LABELS[name]} failed to initialise`);
  }
  return { name, tf };
}
