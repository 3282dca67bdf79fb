/**
 * Untrusted names from the renderer cannot reach outside the user data folder, and broken files in that
 * folder are skipped rather than taking the library down. Everything goes through AppService.call, the one
 * entry both shells use.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../src/core/api/base64';
import { ApiError, type ModelEntry, type ModelWeights } from '../../src/core/api/contract';
import { AppService } from '../../src/core/service/app-service';
import { BUNDLED_IDS } from '../helpers/bundled-models';

const BUNDLED = fileURLToPath(new URL('../../resources/models', import.meta.url));

function newService(): { service: AppService; root: string; userDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'digit-studio-paths-'));
  const userDir = join(root, 'user');
  mkdirSync(userDir);
  return { service: new AppService({ version: 'test', shell: 'electron', userDir, bundledModelsDir: BUNDLED }), root, userDir };
}

const HOSTILE_IDS = [
  '../user',
  '../../etc/passwd',
  '..',
  'bundled-../../secret',
  '/etc/passwd',
  'C:\\Windows\\system32',
  '\\\\server\\share\\model',
  'run-1\0.h5',
  'run\u0000',
  'a'.repeat(65),
  'x'.repeat(5000),
  '',
  'Run-Upper',
  'run-1/model.json',
];

describe('names from the renderer', () => {
  it('refuses model and sample ids with .., absolute paths, NUL bytes or excessive length on every method that takes one', async () => {
    const { service, root } = newService();
    const calls: Array<[string, (id: string) => object]> = [
      ['getModel', (id) => ({ id })],
      ['deleteModel', (id) => ({ id })],
      ['evaluateModel', (id) => ({ id })],
      ['revealModel', (id) => ({ id })],
      ['downloadModel', (id) => ({ id, format: 'h5' })],
      ['exportTflite', (id) => ({ id, quantize: 'none', labels: 'words', inputShape: '784' })],
      ['relabelSample', (id) => ({ id, label: 1 })],
      ['deleteSample', (id) => ({ id })],
    ];
    for (const [method, request] of calls) {
      for (const id of HOSTILE_IDS) {
        const error = await service.call(method, request(id)).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, `${method} ${JSON.stringify(id)}`).toBeInstanceOf(ApiError);
        expect((error as Error).message).toMatch(new RegExp(`^invalid ${method} request: id: not a ${method.endsWith('Sample') ? 'sample' : 'model'} id`));
      }
    }
    expect(readdirSync(root)).toEqual(['user']);
  });

  it('keeps an imported file inside the library whatever its file name says', async () => {
    const { service, root, userDir } = newService();
    const data = bytesToBase64(readFileSync(join(BUNDLED, 'digit-mlp.json')));
    const weightsData = bytesToBase64(readFileSync(join(BUNDLED, 'digit-mlp.weights.bin')));
    // The file name only names the entry; the file is stored under a fresh id in the library.
    for (const fileName of ['../../escape.json', '/tmp/absolute.json', '..\\..\\windows.json']) {
      const entry = (await service.call('importModel', { fileName, data, weightsData })) as ModelEntry;
      expect(entry.path.startsWith(join(userDir, 'models') + '/'), entry.path).toBe(true);
    }
    await expect(service.call('importModel', { fileName: `${'a'.repeat(300)}.json`, data, weightsData })).rejects.toThrow(/^invalid importModel request: fileName/);
    await expect(service.call('importModel', { fileName: 'nul\0/../../x.json', data, weightsData })).rejects.toThrow(/fileName: file name has control characters/);
    expect(readdirSync(root)).toEqual(['user']);
    expect(readdirSync(userDir)).toEqual(['models']);
  });
});

describe('corrupt user data', () => {
  it('skips a model whose meta.json or model file is broken and lists the rest', async () => {
    const { service, userDir } = newService();
    const good = (await service.call('importModel', {
      fileName: 'digit-mlp.json',
      data: bytesToBase64(readFileSync(join(BUNDLED, 'digit-mlp.json'))),
      weightsData: bytesToBase64(readFileSync(join(BUNDLED, 'digit-mlp.weights.bin'))),
    })) as ModelEntry;
    const models = join(userDir, 'models');
    const goodDir = join(models, good.id);
    for (const [id, breakIt] of [
      ['run-20260101000000-aaaaaa', (dir: string) => writeFileSync(join(dir, 'meta.json'), '{"id": "run-2026010')],
      ['run-20260101000000-bbbbbb', (dir: string) => writeFileSync(join(dir, 'meta.json'), '')],
      ['run-20260101000000-cccccc', (dir: string) => writeFileSync(join(dir, 'model.json'), '{"modelTopology": nul')],
      ['run-20260101000000-dddddd', (dir: string) => writeFileSync(join(dir, 'model.weights.bin'), Buffer.alloc(12))],
    ] as const) {
      cpSync(goodDir, join(models, id), { recursive: true });
      breakIt(join(models, id));
    }
    writeFileSync(join(models, 'stray-file.txt'), 'not a model folder');

    const listed = (await service.call('listModels', {})) as ModelEntry[];
    expect(listed.map((m) => m.id)).toEqual([...BUNDLED_IDS, good.id]);
    await expect(service.call('getModel', { id: 'run-20260101000000-aaaaaa' })).rejects.toThrow(/is damaged \(meta\.json is not valid JSON\)/);
    await expect(service.call('getModel', { id: 'run-20260101000000-ffffff' })).rejects.toThrow(/does not exist/);
    const bundled = (await service.call('getModel', { id: 'bundled-digit-mlp' })) as ModelWeights;
    expect(bundled.layers.map((layer) => layer.type)).toEqual(['InputLayer', 'Dense', 'Dense', 'Dense']);
  });
});
