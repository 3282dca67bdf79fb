/**
 * Resource limits for whoever holds the token (issue 15, item 13): an import is refused above MAX_IMPORT_BYTES
 * decoded (its size found before decoding, the model file and its weights together), and the saved drawings are
 * bounded in total bytes as well as in count, with a message that says what to do.
 */
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { base64ByteLength, bytesToBase64 } from '../../src/core/api/base64';
import { MAX_IMPORT_BYTES, type ModelEntry, type Responses } from '../../src/core/api/contract';
import { AppService } from '../../src/core/service/app-service';
import { SAMPLE_BYTES_LIMIT } from '../../src/core/service/sample-store';

const BUNDLED = fileURLToPath(new URL('../../resources/models', import.meta.url));

function newService(): { service: AppService; userDir: string } {
  const userDir = mkdtempSync(join(tmpdir(), 'digit-studio-limits-'));
  return { service: new AppService({ version: 'test', shell: 'web', userDir, bundledModelsDir: BUNDLED }), userDir };
}

const failure = (call: Promise<unknown>): Promise<string> =>
  call.then(
    () => 'accepted',
    (error: unknown) => (error as Error).message,
  );

describe('the size of an import', () => {
  it('is found from the base64 text without decoding it', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 783, 784, 1000]) expect(base64ByteLength(bytesToBase64(new Uint8Array(length)))).toBe(length);
  });

  it('is refused above the cap in one line, counting the model.json and its weights together; nothing is written', async () => {
    const { service, userDir } = newService();
    const json = readFileSync(join(BUNDLED, 'digit-mlp.json'));
    // 'AAAA' is 3 zero bytes: weights just under the cap alone, over it with the model.json.
    const weightsData = 'A'.repeat(Math.floor(MAX_IMPORT_BYTES / 3) * 4);
    expect(base64ByteLength(weightsData)).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
    const message = await failure(service.call('importModel', { fileName: 'huge.json', data: bytesToBase64(json), weightsData }));
    expect(message).toBe('huge.json and its weights file hold more than the 64 MB Digit Studio imports: a digit model takes a few MB, so check that this is the right file');
    expect(readdirSync(userDir)).not.toContain('models');
  });

  it('takes a model within the cap as before', async () => {
    const { service } = newService();
    const entry = (await service.call('importModel', {
      fileName: 'digit-mlp.json',
      data: bytesToBase64(readFileSync(join(BUNDLED, 'digit-mlp.json'))),
      weightsData: bytesToBase64(readFileSync(join(BUNDLED, 'digit-mlp.weights.bin'))),
    })) as ModelEntry;
    expect(entry.source).toBe('imported');
  });
});

describe('the total size of the saved drawings', () => {
  /** A drawing with long, finely sampled strokes, within the contract's bounds: about 6.5 MB as a file. */
  const hugeStrokes = Array.from({ length: 50 }, (_, s) => ({
    points: Array.from({ length: 10_000 }, (_, i) => 100 + ((i * 7 + s) % 97) + 0.123456),
    widths: Array.from({ length: 5_000 }, (_, i) => 8 + (i % 5) / 10),
  }));
  const pixels = bytesToBase64(new Uint8Array(784).fill(9));

  it(`is capped at ${SAMPLE_BYTES_LIMIT / 2 ** 20} MB, refused with what to do; deleting one makes room again`, async () => {
    const { service, userDir } = newService();
    const save = () => service.call('saveSample', { label: 4, strokes: hugeStrokes, pixels }) as Promise<Responses['saveSample']>;
    const first = await save();
    await save();
    const files = readdirSync(join(userDir, 'samples'));
    const bytes = files.reduce((sum, file) => sum + statSync(join(userDir, 'samples', file)).size, 0);
    expect(bytes / SAMPLE_BYTES_LIMIT).toBeGreaterThan(0.6); // two fit, a third would not
    expect(bytes / SAMPLE_BYTES_LIMIT).toBeLessThan(1);
    expect(await failure(save())).toBe('your saved drawings would take more than the 16 MB Digit Studio keeps: delete some on the My digits page to save more');
    expect(readdirSync(join(userDir, 'samples'))).toHaveLength(2);
    await service.call('deleteSample', { id: first.id });
    await save();
    expect(((await service.call('listSamples', {})) as Responses['listSamples']).samples).toHaveLength(2);
  });
});
