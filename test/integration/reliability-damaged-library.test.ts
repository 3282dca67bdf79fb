/**
 * Damaged entries in the model library (a meta.json with a wrong type, a hand-edited or truncated one, a copied
 * folder, a stray file, a broken weights file) never take the library down: the usable models are listed, each
 * damaged entry is listed apart with its reason, and it can be removed, by its folder name, and only it.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../src/core/api/base64';
import type { DamagedModel, ModelEntry } from '../../src/core/api/contract';
import { AppService } from '../../src/core/service/app-service';
import { BUNDLED_IDS } from '../helpers/bundled-models';

const BUNDLED = fileURLToPath(new URL('../../resources/models', import.meta.url));

async function libraryWithOneModel(): Promise<{ service: AppService; models: string; good: ModelEntry }> {
  const root = mkdtempSync(join(tmpdir(), 'digit-studio-damaged-'));
  const service = new AppService({ version: 'test', shell: 'web', userDir: join(root, 'user'), bundledModelsDir: BUNDLED });
  const good = (await service.call('importModel', {
    fileName: 'digit-mlp.json',
    data: bytesToBase64(readFileSync(join(BUNDLED, 'digit-mlp.json'))),
    weightsData: bytesToBase64(readFileSync(join(BUNDLED, 'digit-mlp.weights.bin'))),
  })) as ModelEntry;
  return { service, models: join(root, 'user', 'models'), good };
}

/** Copies the good model's folder to `folder`, then edits its meta.json. */
function copyWithMeta(models: string, good: ModelEntry, folder: string, edit: (meta: Record<string, unknown>) => void): void {
  cpSync(join(models, good.id), join(models, folder), { recursive: true });
  const meta = JSON.parse(readFileSync(join(models, good.id, 'meta.json'), 'utf8')) as Record<string, unknown>;
  edit(meta);
  writeFileSync(join(models, folder, 'meta.json'), JSON.stringify(meta));
}

describe('a damaged model library', () => {
  it('lists the usable models and each damaged entry with its reason', async () => {
    const { service, models, good } = await libraryWithOneModel();
    copyWithMeta(models, good, 'run-20260101000000-aaaaaa', (m) => Object.assign(m, { id: 'run-20260101000000-aaaaaa', createdAt: 1767225600000 }));
    copyWithMeta(models, good, 'run-20260101000000-bbbbbb', (m) => Object.assign(m, { id: 'run-20260101000000-bbbbbb', config: { epochs: 'ten' } }));
    copyWithMeta(models, good, 'run-20260101000000-cccccc', (m) => Object.assign(m, { id: 'run-20260101000000-cccccc', source: 'bundled' }));
    copyWithMeta(models, good, 'import-20260101000000-dddddd', (m) => Object.assign(m, { id: 'import-20260101000000-dddddd', testAccuracy: '97 %' }));
    cpSync(join(models, good.id), join(models, `${good.id} copy`), { recursive: true });
    cpSync(join(models, good.id), join(models, 'run-20260101000000-eeeeee'), { recursive: true });
    mkdirSync(join(models, 'run-20260101000000-ffffff'));
    writeFileSync(join(models, 'run-20260101000000-ffffff', 'meta.json'), '{"id": "run-2026');
    copyWithMeta(models, good, 'run-20260101000000-111111', (m) => Object.assign(m, { id: 'run-20260101000000-111111' }));
    writeFileSync(join(models, 'run-20260101000000-111111', 'model.weights.bin'), Buffer.alloc(12));
    mkdirSync(join(models, 'My models'));
    writeFileSync(join(models, 'notes.txt'), 'not a model');
    // A meta.json written by a newer version, with a settings field this one does not know: still usable.
    copyWithMeta(models, good, 'run-20260101000000-222222', (m) =>
      Object.assign(m, { id: 'run-20260101000000-222222', source: 'trained', config: { epochs: 1, batchSize: 64, learningRate: 0.001, optimizer: 'adam', momentum: 0.9, hiddenUnits: [256, 256], activation: 'relu', validationSplit: 0.2, seed: 1, backend: 'auto', futureOption: true } }),
    );

    const listed = (await service.call('listModels', {})) as ModelEntry[];
    expect(listed.map((m) => m.id)).toEqual([...BUNDLED_IDS, good.id, 'run-20260101000000-222222']);
    const damaged = (await service.call('listDamagedModels', {})) as DamagedModel[];
    const reasons = Object.fromEntries(damaged.map((d) => [d.folder, d.reason]));
    expect(reasons).toEqual({
      'run-20260101000000-aaaaaa': 'meta.json: createdAt: Invalid input: expected string, received number',
      'run-20260101000000-bbbbbb': 'meta.json: config.epochs: Invalid input: expected number, received string',
      'run-20260101000000-cccccc': expect.stringMatching(/^meta\.json: source: Invalid option/),
      'import-20260101000000-dddddd': 'meta.json: testAccuracy: Invalid input: expected number, received string',
      [`${good.id} copy`]: `a copy of model ${good.id} (its meta.json names that model's folder)`,
      'run-20260101000000-eeeeee': `a copy of model ${good.id} (its meta.json names that model's folder)`,
      'run-20260101000000-ffffff': 'meta.json is not valid JSON',
      'run-20260101000000-111111': expect.stringMatching(/^model\.json: weights file /), // the reader's words, relative to the entry
      'My models': 'meta.json is missing',
      'notes.txt': 'not a model folder',
    });
    expect(damaged.find((d) => d.folder === 'notes.txt')?.path).toBe(join(models, 'notes.txt'));
    expect(damaged.every((d) => !d.reason.includes('\n'))).toBe(true);
    await expect(service.call('getModel', { id: 'run-20260101000000-aaaaaa' })).rejects.toThrow(
      'model run-20260101000000-aaaaaa is damaged (meta.json: createdAt: Invalid input: expected string, received number): remove it on the Models page',
    );
  });

  it('removes a damaged entry by its folder name, and nothing else', async () => {
    const { service, models, good } = await libraryWithOneModel();
    cpSync(join(models, good.id), join(models, `${good.id} copy`), { recursive: true });
    writeFileSync(join(models, 'notes.txt'), 'not a model');

    expect(await service.call('removeDamagedModel', { folder: `${good.id} copy` })).toEqual({ removed: true });
    expect(await service.call('removeDamagedModel', { folder: 'notes.txt' })).toEqual({ removed: true });
    expect(await service.call('listDamagedModels', {})).toEqual([]);
    expect(readdirSync(models)).toEqual([good.id]);

    await expect(service.call('removeDamagedModel', { folder: good.id })).rejects.toThrow(/is a usable model, not a damaged one/);
    await expect(service.call('removeDamagedModel', { folder: 'run-20260101000000-999999' })).rejects.toThrow(/is not in the model library/);
    for (const folder of ['..', '../user', '/etc', 'a/b', 'a\\b', '.import-x', '', 'x\n']) {
      await expect(service.call('removeDamagedModel', { folder }), JSON.stringify(folder)).rejects.toThrow(/^invalid removeDamagedModel request: folder/);
    }
    expect(existsSync(join(models, good.id, 'model.json'))).toBe(true);
  });
});
