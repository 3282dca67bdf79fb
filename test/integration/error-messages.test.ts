/**
 * What the user reads when something fails (issue 15, item 15): one line, in words they can act on. It never names
 * a temp file or working folder they have never seen (`.import-…`, `.saving-…`, `*.tmp`), never carries a stack,
 * an errno code alone, or the program's own words ("worker", "undefined").
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bytesToBase64 } from '../../src/core/api/base64';
import { AppService } from '../../src/core/service/app-service';
import { userMessage } from '../../src/core/service/failure-message';
import type * as StartWorkerModule from '../../src/core/workers/start-worker';
import type { WorkerName } from '../../src/core/workers/start-worker';
import { startWebServer } from '../../src/web/server';
import { disk, emptyDisk } from '../helpers/full-disk';

vi.mock('node:fs/promises', async (importOriginal) => (await import('../helpers/full-disk')).fullDiskFs(await importOriginal()));

/** A stand-in job thread for the next job a test runs (the app starts its workers only through startWorker). */
const fakeJob = vi.hoisted(() => ({ start: null as (() => Worker) | null }));
vi.mock('../../src/core/workers/start-worker', async (importOriginal) => {
  const real = await importOriginal<typeof StartWorkerModule>();
  return { ...real, startWorker: (name: WorkerName, data?: object) => (name === 'job' && fakeJob.start ? fakeJob.start() : real.startWorker(name, data)) };
});

afterEach(() => {
  fakeJob.start = null;
  emptyDisk();
  vi.restoreAllMocks();
});

const BUNDLED = fileURLToPath(new URL('../../resources/models', import.meta.url));
const GOOD_JSON = readFileSync(join(BUNDLED, 'digit-mlp.json'));
const GOOD_WEIGHTS = readFileSync(join(BUNDLED, 'digit-mlp.weights.bin'));

function newService(startJobWorker?: () => Worker): { service: AppService; userDir: string } {
  fakeJob.start = startJobWorker ?? null;
  const userDir = mkdtempSync(join(tmpdir(), 'digit-studio-messages-'));
  return { service: new AppService({ version: 'test', shell: 'web', userDir, bundledModelsDir: BUNDLED }), userDir };
}

/** The message a call fails with, checked against what no user should read; the user folder is theirs to see. */
async function failure(call: Promise<unknown>, userDir = '<none>'): Promise<string> {
  const message = await call.then(
    () => 'no failure',
    (error: unknown) => (error as Error).message,
  );
  expect(message).not.toContain('\n');
  expect(message.replaceAll(userDir, '<user folder>')).not.toMatch(/\.import-|\.saving-|\.deleted-|\.tmp\b|upload\.|\/tmp\//);
  expect(message).not.toMatch(/\bworker\b|\bundefined\b|^E[A-Z]+$|\bat .*:\d+:\d+/i);
  return message;
}

const b64 = (text: string): string => bytesToBase64(new TextEncoder().encode(text));

describe('messages the user reads', () => {
  it('for a broken import: the file they opened, the problem, no temp copy', async () => {
    const { service } = newService();
    expect(await failure(service.call('importModel', { fileName: 'broken.h5', data: b64('not an HDF5 file') }))).toBe(
      'broken.h5: not an HDF5 file (no HDF5 signature), so not a Keras .h5 model',
    );
    expect(await failure(service.call('importModel', { fileName: 'notes.txt', data: b64('hello') }))).toMatch(/^notes\.txt: unknown model file type/);
    expect(await failure(service.call('importModel', { fileName: 'model.json', data: bytesToBase64(GOOD_JSON), weightsData: b64('short') }))).toMatch(
      /^model\.json: weights file is too short/,
    );
  });

  it('for a missing model: it does not exist', async () => {
    const { service } = newService();
    for (const method of ['getModel', 'evaluateModel', 'downloadModel', 'deleteModel'] as const) {
      const params = method === 'downloadModel' ? { id: 'run-20260101000000-abcdef', format: 'h5' } : { id: 'run-20260101000000-abcdef' };
      expect(await failure(service.call(method, params))).toBe('model run-20260101000000-abcdef does not exist');
    }
  });

  it('for a full disk: what is full and where, never the temp file that was being written', async () => {
    const { service, userDir } = newService();
    disk.full = true;
    const stroke = { points: [1, 2, 3, 4], widths: [5, 5] };
    expect(await failure(service.call('saveSample', { label: 1, strokes: [stroke], pixels: bytesToBase64(new Uint8Array(784)) }), userDir)).toBe(
      `cannot save the drawing in ${join(userDir, 'samples')}: the disk is full (ENOSPC)`,
    );
    expect(await failure(service.call('importModel', { fileName: 'digit-mlp.json', data: bytesToBase64(GOOD_JSON), weightsData: bytesToBase64(GOOD_WEIGHTS) }), userDir)).toBe(
      `cannot write to the model library (${join(userDir, 'models')}): the disk is full (ENOSPC)`,
    );
  });

  describe('for an evaluation that fails', () => {
    const evaluate = async (worker: string, options: ConstructorParameters<typeof Worker>[1] = {}): Promise<string> => {
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const { service } = newService(() => new Worker(worker, { eval: true, ...options }));
      const message = await failure(service.call('evaluateModel', { id: 'bundled-digit-mlp' }));
      expect(errors).toHaveBeenCalledOnce(); // the thread's own error, for whoever diagnoses it
      return message;
    };

    it('by a crash in its thread', async () => {
      expect(await evaluate('const job = undefined; job.model;')).toBe('the evaluation stopped unexpectedly: try again');
    });

    it('by its thread ending without an answer (it used to hang)', async () => {
      expect(await evaluate('process.exit(3)')).toBe('the evaluation stopped unexpectedly: try again');
    });

    it('by running out of memory', async () => {
      const hog = 'const kept = []; for (;;) kept.push(new Array(1e6).fill(kept.length));';
      expect(await evaluate(hog, { resourceLimits: { maxOldGenerationSizeMb: 16 } })).toBe(
        'the evaluation stopped unexpectedly: it ran out of memory; close other programs and try again',
      );
    });

    it("by the job's own refusal: as the job worded it", async () => {
      const { service } = newService(() => new Worker("require('node:worker_threads').parentPort.postMessage({ ok: false, error: 'no test images' })", { eval: true }));
      expect(await failure(service.call('evaluateModel', { id: 'bundled-digit-mlp' }))).toBe('no test images');
    });
  });

  it("for an error of the program's own making: a plain unexpected problem, its words on stderr only", () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bug = new TypeError("Cannot read properties of undefined (reading 'weights')");
    expect(userMessage(bug)).toBe('an unexpected problem stopped this: try again, and restart Digit Studio if it happens again');
    expect(errors).toHaveBeenCalledWith(`digit-studio: unexpected error: ${bug.message}`);
  });

  it('for a file system error: the system words and code, in the folder the user knows', () => {
    const models = join(tmpdir(), 'Digit Studio', 'models');
    const error = Object.assign(new Error(`EACCES: permission denied, rename '${models}/run-1' -> '${models}/.deleted-ab12'`), {
      code: 'EACCES',
      syscall: 'rename',
      path: join(models, '.import-Xy12/upload.h5'),
    });
    expect(userMessage(error)).toBe(`${models}: permission denied (EACCES)`);
  });

  it('for web mode on a port in use: which port, and what to do', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const { service } = newService();
      expect(await failure(startWebServer(service, { port, staticDir: tmpdir() }))).toBe(
        `port ${port} is in use: choose another with --port, or leave it out for a free one`,
      );
    } finally {
      busy.close();
    }
  });
});
