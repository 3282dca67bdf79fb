/**
 * A model save killed at any point (SIGKILL: no cleanup code runs) leaves the library with either no new model
 * or the complete new one, never a half-written entry, and the old models readable. The child process saves a
 * TF.js model into the library and is stopped right after one of the renames that complete it: between the
 * weights file and model.json (the pair's two renames), before meta.json, before the folder is renamed into
 * place, and after. The next start sweeps what the killed save left.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { killAfterRename } from '../helpers/kill-after-rename';
import { bytesToBase64 } from '../../src/core/api/base64';
import type { ModelEntry } from '../../src/core/api/contract';
import { AppService } from '../../src/core/service/app-service';
import { sweepLeftovers } from '../../src/core/service/leftovers';
import { ModelStore } from '../../src/core/service/model-store';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BUNDLED = join(root, 'resources/models');
const JSON_FILE = join(BUNDLED, 'digit-mlp.json');
const WEIGHTS_FILE = join(BUNDLED, 'digit-mlp.weights.bin');

/** Imports the bundled model into the library in a child process that is killed right after renaming onto `pauseAt`. */
function importKilledAfterRename(userDir: string, pauseAt: string): Promise<void> {
  return killAfterRename(
    `import { readFileSync } from 'node:fs';
     const { ModelStore } = await import(${JSON.stringify(join(root, 'src/core/service/model-store.ts'))});
     const store = new ModelStore(${JSON.stringify(userDir)}, ${JSON.stringify(BUNDLED)});
     await store.import('digit-mlp.json', readFileSync(${JSON.stringify(JSON_FILE)}), readFileSync(${JSON.stringify(WEIGHTS_FILE)}));`,
    pauseAt,
    root,
  );
}

describe('a library save under SIGKILL', () => {
  it.each([
    ['between the weights file and model.json', '^model\\.weights\\.bin$', false],
    ['after the TF.js pair, before meta.json', '^model\\.json$', false],
    ['with the model complete, before its folder is renamed into place', '^meta\\.json$', false],
    ['after the folder is renamed into place', '^import-\\d{14}-[0-9a-f]{6}$', true],
  ])('killed %s: the library holds the old models and either no new one or the complete new one', async (_when, pauseAt, complete) => {
    const userDir = join(mkdtempSync(join(tmpdir(), 'digit-studio-kill-library-')), 'user');
    const service = new AppService({ version: 'test', shell: 'web', userDir, bundledModelsDir: BUNDLED });
    const old = (await service.call('importModel', {
      fileName: 'old.json',
      data: bytesToBase64(readFileSync(JSON_FILE)),
      weightsData: bytesToBase64(readFileSync(WEIGHTS_FILE)),
    })) as ModelEntry;

    await importKilledAfterRename(userDir, pauseAt);

    const store = new ModelStore(userDir, BUNDLED);
    const { models, damaged } = await store.scan();
    expect(damaged).toEqual([]);
    const saved = models.filter((m) => m.source === 'imported');
    expect(saved.map((m) => m.name)).toEqual(complete ? ['digit-mlp', 'old'] : ['old']);
    expect(saved.every((m) => m.params === 269_322)).toBe(true);
    expect((await store.get(old.id)).model.weights).toHaveLength(3);

    // The next start (a process started after the kill) sweeps the working folders the killed save left.
    const removed = await sweepLeftovers(userDir, Date.now() + 1);
    expect(removed.length).toBeGreaterThan(0);
    expect(readdirSync(join(userDir, 'models')).sort()).toEqual(saved.map((m) => m.id).sort());
  });
});
