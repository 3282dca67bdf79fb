import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../src/core/api/base64';
import type { ApiEvent, ModelEntry } from '../../src/core/api/contract';
import { RECOMMENDED } from '../../src/core/api/train-config';
import { AppService } from '../../src/core/service/app-service';
import { BUNDLED_SOURCES } from '../helpers/bundled-models';

const BUNDLED = fileURLToPath(new URL('../../resources/models', import.meta.url));

function newService(): AppService {
  return new AppService({ version: 'test', shell: 'web', userDir: mkdtempSync(join(tmpdir(), 'digit-studio-svc-')), bundledModelsDir: BUNDLED });
}

describe('AppService (the backend behind the UI)', () => {
  it('evaluates the bundled model on the MNIST test set (98.62 %, as real Keras measures it) with a full confusion matrix', async () => {
    const service = newService();
    const result = (await service.call('evaluateModel', { id: 'bundled-digit-mlp' })) as { accuracy: number; confusion: number[][]; misclassified: Array<{ label: number; predicted: number }> };
    expect(result.accuracy).toBeCloseTo(0.9862, 4);
    expect(result.confusion.flat().reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(result.misclassified.every((m) => m.label !== m.predicted)).toBe(true);
  });

  it('trains, refuses a second start, then saves the run to the library', async () => {
    const service = newService();
    const events: ApiEvent[] = [];
    service.onEvent((e) => events.push(e));
    await service.call('startTraining', { ...RECOMMENDED, epochs: 1, limit: 3000, backend: 'wasm' });
    await expect(service.call('startTraining', { ...RECOMMENDED, epochs: 1, limit: 3000 })).rejects.toThrow(/already in progress/);
    await new Promise<void>((resolve) => service.onEvent((e) => e.type === 'models-changed' && resolve()));
    const kinds = events.filter((e) => e.type === 'training').map((e) => (e as { event: { event: string } }).event.event);
    expect(kinds[0]).toBe('start');
    expect(kinds.at(-1)).toBe('done');
    const models = (await service.call('listModels', {})) as ModelEntry[];
    const trained = models.find((m) => m.source === 'trained');
    expect(trained?.testAccuracy).toBeGreaterThan(0.8);
    expect(trained?.config?.limit).toBe(3000);
    const status = (await service.call('status', {})) as { training: { running: boolean; events: unknown[] } };
    expect(status.training.running).toBe(false);
    expect(status.training.events.length).toBe(kinds.length);
  });

  it('imports a TF.js model (json + weights), lists it, and deletes it; bundled models cannot be deleted', async () => {
    const service = newService();
    const entry = (await service.call('importModel', {
      fileName: 'digit-mlp.json',
      data: bytesToBase64(readFileSync(join(BUNDLED, 'digit-mlp.json'))),
      weightsData: bytesToBase64(readFileSync(join(BUNDLED, 'digit-mlp.weights.bin'))),
    })) as ModelEntry;
    expect(entry).toMatchObject({ source: 'imported', params: 269_322, name: 'digit-mlp' });
    await expect(service.call('importModel', { fileName: 'digit-mlp.json', data: bytesToBase64(readFileSync(join(BUNDLED, 'digit-mlp.json'))) })).rejects.toThrow(/needs its weights file/);
    await expect(service.call('importModel', { fileName: 'junk.json', data: bytesToBase64(new TextEncoder().encode('{nope')) })).rejects.toThrow();
    expect(((await service.call('listModels', {})) as ModelEntry[]).map((m) => m.source)).toEqual([...BUNDLED_SOURCES, 'imported']);
    await service.call('deleteModel', { id: entry.id });
    expect(((await service.call('listModels', {})) as ModelEntry[]).map((m) => m.source)).toEqual(BUNDLED_SOURCES);
    await expect(service.call('deleteModel', { id: 'bundled-digit-mlp' })).rejects.toThrow(/cannot be deleted/);
  });

  it('exports the bundled model to TFLite, verified in LiteRT.js, with its labels file', async () => {
    const service = newService();
    const result = (await service.call('exportTflite', { id: 'bundled-digit-mlp', quantize: 'float16', labels: 'words', inputShape: '784' })) as {
      model: { fileName: string; data: string };
      labels: { fileName: string; data: string };
      size: number;
      verification: { accuracy: number; agreement: number; problem: string | null };
    };
    expect(result.model.fileName).toBe('Digit-MLP-bundled-float16.tflite');
    expect(result.size).toBeGreaterThan(538_644); // 269,322 float16 weights
    expect(result.size).toBeLessThan(538_644 + 8192);
    expect(Buffer.from(result.model.data, 'base64').subarray(4, 8).toString()).toBe('TFL3');
    expect(Buffer.from(result.labels.data, 'base64').toString().split('\n').slice(0, 2)).toEqual(['Zero', 'One']);
    expect(result.verification.problem).toBeNull();
    expect(result.verification.agreement).toBeGreaterThanOrEqual(0.999);
  });

  it('runs evaluation off the calling thread and cancels it on request', async () => {
    const service = newService();
    const evaluation = service.call('evaluateModel', { id: 'bundled-digit-mlp' });
    const started = performance.now();
    await service.call('status', {});
    expect(performance.now() - started).toBeLessThan(500); // the thread serving calls is not blocked
    // The job starts once the model is read from disk; cancel as soon as it runs.
    await expect.poll(async () => service.call('cancelJob', { job: 'evaluate' }), { interval: 20, timeout: 5000 }).toEqual({ cancelled: true });
    await expect(evaluation).rejects.toThrow('evaluation cancelled');
    expect(await service.call('cancelJob', { job: 'evaluate' })).toEqual({ cancelled: false });
  });

  it('rejects invalid requests with a message naming the field', async () => {
    const service = newService();
    await expect(service.call('getModel', { id: '../x' })).rejects.toThrow(/invalid getModel request: id: not a model id/);
    await expect(service.call('startTraining', { epochs: 0 })).rejects.toThrow(/invalid startTraining request/);
    await expect(service.call('rm -rf', {})).rejects.toThrow(/unknown method/);
  });
});
