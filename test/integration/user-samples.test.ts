import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../src/core/api/base64';
import type { ApiEvent, Responses } from '../../src/core/api/contract';
import { loadDigitSet } from '../../src/core/dataset';
import { AppService } from '../../src/core/service/app-service';
import { spawnSourceWorker } from '../../src/core/training/spawn-source-worker';

const BUNDLED = fileURLToPath(new URL('../../resources/models', import.meta.url));
const STROKES = [{ points: [40, 20, 42, 80, 44, 140], widths: [10, 10, 10] }];

function newService(): AppService {
  return new AppService({ version: 'test', shell: 'web', userDir: mkdtempSync(join(tmpdir(), 'digit-studio-samples-svc-')), bundledModelsDir: BUNDLED, spawnWorker: spawnSourceWorker });
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
