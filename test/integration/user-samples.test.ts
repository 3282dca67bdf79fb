import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../src/core/api/base64';
import type { ApiEvent, Responses } from '../../src/core/api/contract';
import { RECOMMENDED } from '../../src/core/api/train-config';
import type { DoneEvent, EpochEvent, StartEvent, TrainingEvent } from '../../src/core/api/training-events';
import { loadDigitSet } from '../../src/core/dataset';
import { AppService } from '../../src/core/service/app-service';
import { rawMnistImage, rawMnistLabel } from '../helpers/mnist-files';

const BUNDLED = fileURLToPath(new URL('../../resources/models', import.meta.url));
const STROKES = [{ points: [40, 20, 42, 80, 44, 140], widths: [10, 10, 10] }];

function newService(): AppService {
  return new AppService({ version: 'test', shell: 'web', userDir: mkdtempSync(join(tmpdir(), 'digit-studio-samples-svc-')), bundledModelsDir: BUNDLED });
}

/** A recognisable 28×28 input: every byte is `value`, except byte 0 which is the label. */
function pixels(label: number, value: number): string {
  const bytes = new Uint8Array(784).fill(value);
  bytes[0] = label;
  return bytesToBase64(bytes);
}

describe('saved drawings through the AppService', () => {
  it('saves, lists, relabels, deletes and exports them as IDX that the reader loads back', async () => {
    const service = newService();
    const events: ApiEvent[] = [];
    service.onEvent((e) => events.push(e));
    const one = (await service.call('saveSample', { label: 1, strokes: STROKES, pixels: pixels(1, 10) })) as Responses['saveSample'];
    const seven = (await service.call('saveSample', { label: 7, strokes: STROKES, pixels: pixels(7, 20) })) as Responses['saveSample'];
    const two = (await service.call('saveSample', { label: 2, strokes: STROKES, pixels: pixels(2, 30) })) as Responses['saveSample'];
    expect(one).toMatchObject({ label: 1, pixels: pixels(1, 10) });

    let listed = (await service.call('listSamples', {})) as Responses['listSamples'];
    expect(listed.limit).toBe(1000);
    expect(listed.samples.map((s) => s.id)).toEqual([two.id, seven.id, one.id]);

    await service.call('relabelSample', { id: seven.id, label: 9 });
    await service.call('deleteSample', { id: two.id });
    listed = (await service.call('listSamples', {})) as Responses['listSamples'];
    expect(listed.samples.map((s) => [s.id, s.label])).toEqual([[seven.id, 9], [one.id, 1]]);
    expect(events.filter((e) => e.type === 'samples-changed')).toHaveLength(5);

    const exported = (await service.call('exportSamples', { format: 'idx' })) as Responses['exportSamples'];
    expect(exported.count).toBe(2);
    expect([exported.images.fileName, exported.labels.fileName]).toEqual(['my-digits-images-idx3-ubyte', 'my-digits-labels-idx1-ubyte']);
    const dir = mkdtempSync(join(tmpdir(), 'digit-studio-idx-'));
    writeFileSync(join(dir, exported.images.fileName), Buffer.from(exported.images.data, 'base64'));
    writeFileSync(join(dir, exported.labels.fileName), Buffer.from(exported.labels.data, 'base64'));
    const set = await loadDigitSet(join(dir, exported.images.fileName), join(dir, exported.labels.fileName));
    expect(set).toMatchObject({ count: 2, rows: 28, cols: 28 });
    // Oldest first: the 1 (10s), then the relabelled 7 (20s, now a 9).
    expect(Array.from(set.labels)).toEqual([1, 9]);
    expect([set.pixels[0], set.pixels[1], set.pixels[784], set.pixels[785]]).toEqual([1, 10, 7, 20]);
  });

  it('refuses an export of nothing, bad drawings, labels and ids with a readable message', async () => {
    const service = newService();
    await expect(service.call('exportSamples', { format: 'idx' })).rejects.toThrow(/no saved drawings to export/);
    await expect(service.call('saveSample', { label: 10, strokes: STROKES, pixels: pixels(0, 0) })).rejects.toThrow(/invalid saveSample request: label/);
    await expect(service.call('saveSample', { label: 1, strokes: STROKES, pixels: bytesToBase64(new Uint8Array(783)) })).rejects.toThrow(/pixels: not 784 base64-encoded bytes/);
    await expect(service.call('saveSample', { label: 1, strokes: [{ points: [1, 2, 3], widths: [1] }], pixels: pixels(0, 0) })).rejects.toThrow(/one pen width per \[x, y\] point/);
    await expect(service.call('saveSample', { label: 1, strokes: [], pixels: pixels(0, 0) })).rejects.toThrow(/invalid saveSample request: strokes/);
    await expect(service.call('saveSample', { label: 1, strokes: STROKES, pixels: pixels(0, 0), path: '/etc' })).rejects.toThrow(/invalid saveSample request/);
    await expect(service.call('relabelSample', { id: '../models/x', label: 1 })).rejects.toThrow(/id: not a sample id/);
    await expect(service.call('deleteSample', { id: 'sample-missing' })).rejects.toThrow(/sample sample-missing does not exist/);
  });
});

describe('training with the saved drawings', () => {
  it('fine-tunes a library model on MNIST mixed with the drawings and reports the accuracy on them', async () => {
    const service = newService();
    // Ten "drawings": MNIST test images 0-9 with their true labels.
    for (let i = 0; i < 10; i++) {
      await service.call('saveSample', { label: rawMnistLabel('t10k', i), strokes: STROKES, pixels: bytesToBase64(rawMnistImage('t10k', i)) });
    }
    const events: TrainingEvent[] = [];
    service.onEvent((e) => e.type === 'training' && events.push(e.event));
    const saved = new Promise<void>((resolve) => service.onEvent((e) => e.type === 'models-changed' && resolve()));
    await service.call('startTraining', { ...RECOMMENDED, hiddenUnits: [256, 256], epochs: 1, limit: 3000, backend: 'wasm', startFrom: 'bundled-digit-mlp', userSamples: true });
    await saved;
    const start = events.find((e): e is StartEvent => e.event === 'start')!;
    // 2,400 MNIST images + the 10 drawings × 12 (0.05 × 2400 / (0.95 × 10) = 12.6 → 12)
    expect(start.train_samples).toBe(2520);
    const epoch = events.find((e): e is EpochEvent => e.event === 'epoch')!;
    const done = events.at(-1) as DoneEvent;
    expect(done.event).toBe('done');
    expect(epoch.user_accuracy).toBeGreaterThanOrEqual(0.9);
    expect(done.user_accuracy).toBe(epoch.user_accuracy);
    // The bundled model starts at 0.988; one epoch on these 2,400 images from fresh weights reaches about 0.83.
    expect(done.test_accuracy).toBeGreaterThan(0.95);
    const models = (await service.call('listModels', {})) as Responses['listModels'];
    expect(models.find((m) => m.source === 'trained')?.name).toMatch(/^ADAM 256-256 · fine-tuned · 1 epochs/);
  });

  it('refuses a start model whose layers differ, and an empty set of drawings, before training starts', async () => {
    const service = newService();
    await expect(service.call('startTraining', { ...RECOMMENDED, hiddenUnits: [64], startFrom: 'bundled-digit-mlp' })).rejects.toThrow(
      'cannot start from Digit MLP (bundled): its layers are 784 → 256 relu → 256 relu → 10 softmax but the settings ask for 784 → 64 relu → 10 softmax',
    );
    await expect(service.call('startTraining', { ...RECOMMENDED, startFrom: 'run-missing' })).rejects.toThrow('model run-missing does not exist');
    await expect(service.call('startTraining', { ...RECOMMENDED, userSamples: true })).rejects.toThrow(/no saved drawings to include yet/);
    expect(((await service.call('status', {})) as Responses['status']).training.running).toBe(false);
  });
});
