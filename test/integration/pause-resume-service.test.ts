/**
 * Pause and resume through the AppService, as the shells call it: each call is answered, a call that does not fit
 * the run's state is refused in words, the pause shows in the events a page opened later replays, and the run's
 * recorded duration leaves the paused time out.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TrainingState } from '../../src/core/api/contract';
import type { RunRecord, RunSummary } from '../../src/core/api/run-history';
import { KERAS_TUTORIAL } from '../../src/core/api/train-config';
import type { TrainingEvent } from '../../src/core/api/training-events';
import { AppService } from '../../src/core/service/app-service';

const BUNDLED = fileURLToPath(new URL('../../resources/models', import.meta.url));
const PAUSE_MS = 1500;

describe('pause and resume through the app service', () => {
  it('pauses, refuses second clicks with the reason, resumes, and records the run without the paused time', async () => {
    const service = new AppService({ version: 'test', shell: 'web', userDir: mkdtempSync(join(tmpdir(), 'digit-studio-pause-')), bundledModelsDir: BUNDLED });
    const training = async () => ((await service.call('status', {})) as { training: TrainingState }).training;

    await expect(service.call('pauseTraining', {})).rejects.toThrow('no training run is in progress to pause');
    await expect(service.call('resumeTraining', {})).rejects.toThrow('no training run is in progress to resume');
    await expect(service.call('pauseTraining', { now: true })).rejects.toThrow(/invalid pauseTraining request/);

    const answers: Array<Promise<unknown>> = [];
    let pausedAt = 0;
    service.onEvent((e) => {
      if (e.type !== 'training') return;
      if (e.event.event === 'start') {
        answers.push(service.call('resumeTraining', {}).catch((error: Error) => error.message));
        answers.push(service.call('pauseTraining', {}));
        answers.push(service.call('pauseTraining', {}).catch((error: Error) => error.message));
      }
      if (e.event.event === 'paused') {
        pausedAt = Date.now();
        setTimeout(() => answers.push(service.call('resumeTraining', {})), PAUSE_MS);
      }
    });
    const startedAt = Date.now();
    await service.call('startTraining', { ...KERAS_TUTORIAL, epochs: 1, limit: 3000, backend: 'engine' });
    await expect.poll(async () => (await training()).running, { interval: 100, timeout: 120_000 }).toBe(false);
    const wallSeconds = (Date.now() - startedAt) / 1000;

    expect(await Promise.all(answers)).toEqual([
      'the training run is not paused: it is training',
      { pausing: true },
      'the training run is already paused: press Resume to go on, or Stop to end it',
      { resumed: true },
    ]);
    expect(pausedAt).toBeGreaterThan(0);
    const events: TrainingEvent[] = (await training()).events;
    const kinds = events.map((e) => e.event).filter((k) => k !== 'batch');
    expect(kinds).toEqual(['start', 'paused', 'resumed', 'epoch', 'done']);

    const [summary] = (await service.call('listRuns', {})) as RunSummary[];
    const record = (await service.call('getRun', { id: summary.id })) as RunRecord;
    expect(record.status).toBe('completed');
    expect(record.durationSeconds).toBeGreaterThan(0);
    expect(record.durationSeconds).toBeLessThan(wallSeconds - PAUSE_MS / 1000 + 0.2);
    expect(record.history).toHaveLength(1);
  });
});
