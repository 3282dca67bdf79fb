/**
 * `digit-studio train --continue MODEL --epochs N`: a model the app trained goes on for N epochs with its settings and
 * optimizer state; its run's History grows in the library folder, the result is a new library model, --history gets
 * the whole History. Flags that contradict the model's settings, or a missing --epochs, are usage errors.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ModelEntry, TrainingState } from '../../src/core/api/contract';
import { HISTORY_CSV_COLUMNS, type RunRecord, type RunSummary } from '../../src/core/api/run-history';
import { KERAS_TUTORIAL } from '../../src/core/api/train-config';
import { AppService } from '../../src/core/service/app-service';
import { jsonLines, runCli } from '../helpers/run-cli';

const BUNDLED = fileURLToPath(new URL('../../resources/models', import.meta.url));

describe('train --continue', () => {
  it('continues a library model, appending to its run, and saves the result to the library', async () => {
    const userDir = mkdtempSync(join(tmpdir(), 'digit-studio-cli-continue-'));
    const app = new AppService({ version: 'test', shell: 'web', userDir, bundledModelsDir: BUNDLED });
    await app.call('startTraining', { ...KERAS_TUTORIAL, epochs: 1, limit: 2000, optimizer: 'momentum', backend: 'engine' });
    const running = async () => ((await app.call('status', {})) as { training: TrainingState }).training.running;
    await expect.poll(running, { interval: 100, timeout: 120_000 }).toBe(false);
    const [model] = ((await app.call('listModels', {})) as ModelEntry[]).filter((m) => m.source === 'trained');

    const history = join(userDir, 'history.csv');
    const result = await runCli(['train', '--continue', model.id, '--epochs', '2', '--user-dir', userDir, '--history', history, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(lines.filter((l) => l.event === 'epoch').map((l) => [l.epoch, l.epochs])).toEqual([[2, 3], [3, 3]]);
    const done = lines.at(-1)!;
    expect(done).toMatchObject({ event: 'done', stopped: 'completed', epochs_completed: 3 });

    const models = ((await app.call('listModels', {})) as ModelEntry[]).filter((m) => m.source === 'trained');
    expect(models.map((m) => m.id)).toContain(done.model);
    const [run] = (await app.call('listRuns', {})) as RunSummary[];
    const record = (await app.call('getRun', { id: run.id })) as RunRecord;
    expect(record.history.map((h) => h.epoch)).toEqual([1, 2, 3]);
    expect(record).toMatchObject({ status: 'completed', modelId: done.model, config: { optimizer: 'momentum', epochs: 3 } });
    const csv = readFileSync(history, 'utf8').trim().split(/\r?\n/);
    expect(csv[0]).toBe(HISTORY_CSV_COLUMNS.join(','));
    expect(csv.slice(1).map((row) => row.split(',')[0])).toEqual(['0', '1', '2']);
  });

  it('needs --epochs, and refuses flags that would change the model’s settings', async () => {
    const noEpochs = await runCli(['train', '--continue', 'run-20260101000000-abcdef']);
    expect(noEpochs.code).toBe(2);
    expect(noEpochs.stderr).toMatch(/--continue needs --epochs N/);
    const clash = await runCli(['train', '--continue', 'run-20260101000000-abcdef', '--epochs', '1', '--learning-rate', '0.1']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/--continue trains with the model's own settings: leave out --learning-rate/);
    const userDir = await runCli(['train', '--user-dir', '/tmp']);
    expect(userDir.code).toBe(2);
    expect(userDir.stderr).toMatch(/--user-dir goes with --continue/);
  });
});
