/**
 * Choosing a training backend, native TensorFlow on the GPU included. @tensorflow/tfjs-node-gpu (like tfjs-node)
 * cannot be installed here, so the tests hand the loader a package resolver and a module importer that pretend it is
 * present or absent; a "native" module is played by tfjs with a backend registered as 'tensorflow', as both native
 * packages register theirs.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TRAIN_USAGE } from '../../../src/cli/commands/train';
import { createHumanReporter } from '../../../src/cli/report';
import { BACKEND_LABELS, BACKENDS } from '../../../src/core/api/backends';
import { KERAS_TUTORIAL, parseTrainConfig, type TrainConfig } from '../../../src/core/api/train-config';
import type { TrainingEvent } from '../../../src/core/api/training-events';
import { loadMnist, type Mnist } from '../../../src/core/dataset';
import { BackendUnavailableError, loadBackend, type ModuleImporter } from '../../../src/core/tfjs/load';
import { availableBackends, loadTrainingBackend } from '../../../src/core/training/backend';
import { sliceSet, splitForTraining } from '../../../src/core/training/training-data';
import { trainWithTfjs } from '../../../src/core/training/tfjs-trainer';

const GPU_PACKAGE = '@tensorflow/tfjs-node-gpu';
const CPU_PACKAGE = '@tensorflow/tfjs-node';

let mnist: Mnist;
beforeAll(async () => {
  mnist = await loadMnist();
  // The stand-in for libtensorflow: tfjs' plain-JS backend and kernels, registered under the native name.
  tf.registerBackend('tensorflow', tf.findBackendFactory('cpu'), 0);
  for (const kernel of tf.getKernelsForBackend('cpu')) tf.registerKernel({ ...kernel, backendName: 'tensorflow' });
});

/** An importer that has only the given packages, and records what it was asked for. */
function pretend(...installed: string[]): ModuleImporter & { asked: string[] } {
  const asked: string[] = [];
  const importer = async (specifier: string): Promise<unknown> => {
    asked.push(specifier);
    if (!installed.includes(specifier)) throw new Error(`Cannot find package '${specifier}'`);
    return tf;
  };
  return Object.assign(importer, { asked });
}

/** A resolver that finds only the given packages. */
const resolving = (...installed: string[]) => (specifier: string): string => {
  if (!installed.includes(specifier)) throw new Error(`Cannot find module '${specifier}'`);
  return `/node_modules/${specifier}/index.js`;
};

describe('native TensorFlow on the GPU', () => {
  it('is named and labelled in the vocabulary, before the CPU build in the order auto tries', () => {
    expect(BACKENDS).toEqual(['tensorflow-gpu', 'tensorflow', 'engine', 'wasm', 'cpu']);
    expect(BACKEND_LABELS['tensorflow-gpu']).toBe('native TensorFlow on the GPU (tfjs-node-gpu)');
    expect(BACKEND_LABELS.tensorflow).toBe('native TensorFlow (tfjs-node)');
    expect(parseTrainConfig({ ...KERAS_TUTORIAL, backend: 'tensorflow-gpu' }).backend).toBe('tensorflow-gpu');
    expect(TRAIN_USAGE).toContain('--backend auto|tensorflow-gpu|tensorflow|engine|wasm|cpu');
  });

  it('is listed as available where its package resolves, first', () => {
    const wasm = 'WebAssembly' in globalThis ? ['wasm'] : [];
    expect(availableBackends(resolving(GPU_PACKAGE, CPU_PACKAGE))).toEqual(['tensorflow-gpu', 'tensorflow', 'engine', ...wasm, 'cpu']);
    expect(availableBackends(resolving(GPU_PACKAGE))).toEqual(['tensorflow-gpu', 'engine', ...wasm, 'cpu']);
    expect(availableBackends(resolving(CPU_PACKAGE))).toEqual(['tensorflow', 'engine', ...wasm, 'cpu']);
    expect(availableBackends(resolving())).toEqual(['engine', ...wasm, 'cpu']);
  });

  it('loads through the same code as tfjs-node, only the package differs', async () => {
    const importer = pretend(GPU_PACKAGE, CPU_PACKAGE);
    const gpu = await loadBackend('tensorflow-gpu', importer);
    expect(gpu.name).toBe('tensorflow-gpu');
    expect(gpu.tf.getBackend()).toBe('tensorflow');
    expect((await loadBackend('tensorflow', importer)).name).toBe('tensorflow');
    expect(importer.asked).toEqual([GPU_PACKAGE, CPU_PACKAGE]);
  });

  it('says in one line when its package is missing', async () => {
    const error = await loadBackend('tensorflow-gpu', pretend(CPU_PACKAGE)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendUnavailableError);
    expect((error as Error).message).toBe(`native TensorFlow on the GPU (tfjs-node-gpu) is not available: Cannot find package '${GPU_PACKAGE}'`);
    await expect(loadTrainingBackend({ ...KERAS_TUTORIAL, backend: 'tensorflow-gpu' }, { importModule: pretend() })).rejects.toThrow(/^native TensorFlow on the GPU \(tfjs-node-gpu\) is not available/);
  });

  it('auto races the first native build that loads (GPU before CPU) against the engine, by time per step, and remembers the race', async () => {
    const auto = { ...KERAS_TUTORIAL, backend: 'auto' } as const;
    const cachePath = join(mkdtempSync(join(tmpdir(), 'digit-studio-race-')), 'backend-choice.json');
    const both = pretend(GPU_PACKAGE, CPU_PACKAGE);
    // The stand-in "native" backend is tfjs' plain-JavaScript one: the engine is faster for the tutorial MLP.
    const first = await loadTrainingBackend(auto, { importModule: both, cachePath });
    expect(both.asked).toEqual([GPU_PACKAGE]);
    expect(first.name).toBe('engine');
    expect(first.choice).toMatch(/^auto chose the fastest per training step of this network: Digit Studio WebAssembly SIMD engine \d+\.\d ms, native TensorFlow on the GPU \(tfjs-node-gpu\) \d+\.\d ms$/);
    const again = await loadTrainingBackend(auto, { importModule: pretend(GPU_PACKAGE), cachePath });
    expect(again.choice).toMatch(/\(measured earlier on this machine\)$/);
    // The race's result decides, whichever it is: a cached race the native build won picks it.
    const [key] = Object.keys(JSON.parse(readFileSync(cachePath, 'utf8')) as object);
    writeFileSync(cachePath, JSON.stringify({ [key]: { times: [{ name: 'engine', ms: 9 }, { name: 'tensorflow-gpu', ms: 3 }] } }));
    expect((await loadTrainingBackend(auto, { importModule: pretend(GPU_PACKAGE), cachePath })).name).toBe('tensorflow-gpu');
    const cpuOnly = pretend(CPU_PACKAGE);
    expect((await loadTrainingBackend(auto, { importModule: cpuOnly, cachePath: null })).choice).toMatch(/native TensorFlow \(tfjs-node\)/);
    expect(cpuOnly.asked).toEqual([GPU_PACKAGE, CPU_PACKAGE]);
    // Without a competitor nothing is raced.
    const alone = await loadTrainingBackend(auto, { importModule: pretend(), cachePath: null });
    expect([alone.name, alone.choice]).toEqual(['engine', undefined]);
    // Forcing a backend skips the race.
    expect((await loadTrainingBackend({ ...auto, backend: 'tensorflow' }, { importModule: pretend(CPU_PACKAGE), cachePath: null })).choice).toBeUndefined();
  });

  it('races again, without crashing, when the cached race is edited or damaged', async () => {
    const auto = { ...KERAS_TUTORIAL, backend: 'auto' } as const;
    const cachePath = join(mkdtempSync(join(tmpdir(), 'digit-studio-race-')), 'backend-choice.json');
    await loadTrainingBackend(auto, { importModule: pretend(GPU_PACKAGE), cachePath });
    const [key] = Object.keys(JSON.parse(readFileSync(cachePath, 'utf8')) as object);
    const hostile: unknown[] = [
      { times: [] },
      { times: [{ name: 'cpu', ms: 0 }, { name: 'engine', ms: 5 }] },
      { times: [{ name: 'engine', ms: 5 }] },
      { times: [{ name: 'engine', ms: 5 }, { name: 'engine', ms: 6 }] },
      { times: [{ name: 'engine', ms: -1 }, { name: 'tensorflow-gpu', ms: 3 }] },
      { times: [null, 'x'] },
      { times: { length: 2 } },
      'not an object',
    ];
    for (const entry of hostile) {
      writeFileSync(cachePath, JSON.stringify({ [key]: entry }));
      const chosen = await loadTrainingBackend(auto, { importModule: pretend(GPU_PACKAGE), cachePath });
      // A fresh race: the engine beats the plain-JavaScript stand-in, and the reason is a measurement, not the file's.
      expect([chosen.name, chosen.choice]).toEqual(['engine', expect.not.stringMatching(/measured earlier/)]);
    }
    writeFileSync(cachePath, '{ truncated');
    expect((await loadTrainingBackend(auto, { importModule: pretend(GPU_PACKAGE), cachePath })).name).toBe('engine');
  });

  it('names itself in every training event and in the CLI report', async () => {
    const config: TrainConfig = { ...KERAS_TUTORIAL, hiddenUnits: [16], epochs: 1, limit: 200, backend: 'tensorflow-gpu' };
    const events: TrainingEvent[] = [];
    const data = { ...splitForTraining(mnist.train, config.validationSplit, config.limit), test: sliceSet(mnist.test, 0, 100) };
    await trainWithTfjs(await loadBackend('tensorflow-gpu', pretend(GPU_PACKAGE)), config, data, { emit: (e) => events.push(e), shouldStop: () => false });
    expect(events.at(-1)?.event).toBe('done');
    expect(new Set(events.map((e) => e.backend))).toEqual(new Set(['tensorflow-gpu']));

    let printed = '';
    createHumanReporter({ write: (text: string) => ((printed += text), true), isTTY: false } as unknown as NodeJS.WriteStream)(events[0]);
    expect(printed).toMatch(/^Backend: native TensorFlow on the GPU \(tfjs-node-gpu\) \[tensorflow-gpu\]$/m);
  });
});
