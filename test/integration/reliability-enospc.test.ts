/**
 * A full disk (ENOSPC from the file system, simulated below the code under test) while saving: the error is
 * one line, the previous file is kept, no temp file is left, and the model library is unchanged.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bytesToBase64 } from '../../src/core/api/base64';
import type { ModelEntry } from '../../src/core/api/contract';
import { writeFileAtomic } from '../../src/core/fs/atomic-write';
import { AppService } from '../../src/core/service/app-service';
import { disk, emptyDisk } from '../helpers/full-disk';

vi.mock('node:fs/promises', async (importOriginal) => (await import('../helpers/full-disk')).fullDiskFs(await importOriginal()));

afterEach(emptyDisk);

const BUNDLED = fileURLToPath(new URL('../../resources/models', import.meta.url));

describe('a full disk while saving', () => {
  it('fails with a one-line message, keeps the old file and removes the temp file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'digit-studio-enospc-'));
    const target = join(dir, 'model.h5');
    writeFileSync(target, 'the old model');
    disk.full = true;
    const error = await writeFileAtomic(target, new Uint8Array(1024 * 1024).fill(1)).then(
      () => null,
      (e: unknown) => e as NodeJS.ErrnoException,
    );
    expect(error?.code).toBe('ENOSPC');
    expect(error?.message).toBe('ENOSPC: no space left on device, write');
    expect(readFileSync(target, 'utf8')).toBe('the old model');
    expect(readdirSync(dir)).toEqual(['model.h5']);
  });

  // Full from the start (the upload cannot be staged), or only once the model itself is saved.
  it.each([true, false])('refuses an import in one line and leaves the library as it was (staging fails: %s)', async (stagingFails) => {
    const userDir = mkdtempSync(join(tmpdir(), 'digit-studio-enospc-lib-'));
    const service = new AppService({ version: 'test', shell: 'web', userDir, bundledModelsDir: BUNDLED });
    const upload = {
      fileName: 'digit-mlp.json',
      data: bytesToBase64(readFileSync(join(BUNDLED, 'digit-mlp.json'))),
      weightsData: bytesToBase64(readFileSync(join(BUNDLED, 'digit-mlp.weights.bin'))),
    };
    const first = (await service.call('importModel', upload)) as ModelEntry;
    const before = (await service.call('listModels', {})) as ModelEntry[];
    disk.full = true;
    disk.fullForPlainWrites = stagingFails;
    const message = await service.call('importModel', upload).then(
      () => '',
      (e: unknown) => (e as Error).message,
    );
    disk.full = false;
    // Said in words, naming the library, never the .import-/.saving- folder that was being written (issue 15, item 15).
    expect(message).toBe(`cannot write to the model library (${join(userDir, 'models')}): the disk is full (ENOSPC)`);
    const after = (await service.call('listModels', {})) as ModelEntry[];
    expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id));
    expect(after.find((m) => m.id === first.id)?.params).toBe(269_322);
  });
});
