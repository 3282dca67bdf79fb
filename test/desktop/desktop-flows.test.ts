/**
 * The main flows of the desktop app on its BUILT files: the built renderer in Chromium, served by the built
 * main process's app:// handler, talking through the built preload to the built main process (under the
 * electron double), whose built worker chunks train, evaluate, export and read .h5 files; or the same flows in
 * real Electron (`npm run test:electron`, desktop-target.ts). Files are judged by real Keras (check-h5) and
 * LiteRT (check-tflite); the accuracy of the bundled model is its known 98.62 %.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawOnBundledModel, screenshot } from '../e2e/harness';
import { exportTfliteFromCard, openThenSaveH5 } from '../e2e/model-flows';
import { VERIFY_FIXTURES, checkH5, checkTflite } from '../helpers/verify-kit';
import { openDesktopTarget, type DesktopTarget } from './desktop-target';

const ONE: Array<Array<[number, number]>> = [[[0.5, 0.18], [0.5, 0.82]]];

let desktop: DesktopTarget;
let page: Page;

beforeAll(async () => {
  desktop = await openDesktopTarget();
  page = desktop.page;
});
afterAll(() => desktop?.close());

describe('the built desktop app (built renderer, preload and main process)', () => {
  it('loads through app:// with the preload bridge and no console error, and lists the bundled model', async () => {
    expect(await page.evaluate(() => Object.keys((globalThis as unknown as { digitStudio: object }).digitStudio).sort())).toEqual(['call', 'onEvent']);
    expect(await page.title()).toBe('Digit Studio');
    await page.getByTestId('nav-models').click();
    await expect.poll(() => page.getByTestId('model-card').filter({ hasText: 'Digit MLP (bundled)' }).count(), { timeout: 30_000 }).toBe(1);
    expect(desktop.problems).toEqual([]);
    await screenshot(page, 'desktop-models');
  });

  it('reads a 1 drawn on the Draw page', async () => {
    const prediction = await drawOnBundledModel(page, ONE);
    expect(await prediction.getAttribute('data-digit')).toBe('1');
  });

  it('trains one short epoch with live batch and epoch events, through the built training worker', async () => {
    await page.getByTestId('nav-train').click();
    await page.locator('#train-preset').selectOption('quick-check');
    await page.locator('#train-epochs').fill('1');
    await page.getByTestId('train-button').click();
    const status = page.getByTestId('train-status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
    await expect.poll(async () => Number(await page.getByTestId('batch-chart').getAttribute('data-points'))).toBeGreaterThan(0);
    await expect.poll(async () => Number(await page.getByTestId('epoch-chart').getAttribute('data-points'))).toBe(1);
    expect(await page.getByTestId('test-accuracy').textContent()).toMatch(/\d+(\.\d+)?\s?%/);
    await screenshot(page, 'desktop-train');
  });

  it('trains with augmentation on two engine workers: the built augmentation and engine-helper workers start', async () => {
    // The last run's model is saved just after its `done` event; the next run is accepted once that is finished.
    await expect
      .poll(() => page.evaluate(async () => ((await (globalThis as unknown as { digitStudio: { call(m: string, r: unknown): Promise<{ training: { running: boolean } }> } }).digitStudio.call('status', {})).training.running)), { timeout: 30_000 })
      .toBe(false);
    const events = await page.evaluate(async (config) => {
      type TrainingEvent = { event: string; threads?: number };
      const api = (globalThis as unknown as { digitStudio: { call(m: string, r: unknown): Promise<unknown>; onEvent(l: (e: { type: string; event?: TrainingEvent }) => void): () => void } }).digitStudio;
      const seen: TrainingEvent[] = [];
      const finished = new Promise<TrainingEvent[]>((resolve) => {
        const stop = api.onEvent(({ type, event }) => {
          if (type !== 'training' || !event || event.event === 'batch') return;
          seen.push(event);
          if (event.event === 'done' || event.event === 'failed') {
            stop();
            resolve(seen);
          }
        });
      });
      await api.call('startTraining', config);
      return finished;
    }, { epochs: 1, batchSize: 64, learningRate: 0.001, optimizer: 'adam', momentum: 0.9, hiddenUnits: [32], activation: 'relu', validationSplit: 0.2, seed: 3, limit: 3000, backend: 'engine', augment: true, threads: 2 });
    expect(events.map((e) => e.event)).toEqual(['start', 'epoch', 'done']);
    expect(events[0]).toMatchObject({ threads: 2 });
  });

  it('evaluates the bundled model at its known 98.62 % through the built job worker', async () => {
    await page.getByTestId('nav-evaluate').click();
    const select = page.getByTestId('evaluate-model-select');
    await select.selectOption('bundled-digit-mlp');
    await expect.poll(async () => (await page.getByTestId('eval-accuracy').textContent()) ?? '', { timeout: 90_000 }).toMatch(/98\.62\s?%/);
  });

  it('exports the bundled model to TFLite: a verified file that LiteRT (check-tflite) accepts', async () => {
    const card = page.getByTestId('model-card').filter({ hasText: 'Digit MLP (bundled)' });
    const check = checkTflite(await exportTfliteFromCard(page, card, desktop.userDir), '--expect-accuracy', '97');
    expect(check.code, check.stdout.slice(-2000)).toBe(0);
  });

  it('opens the Keras reference .h5 through the built .h5 reader worker and saves a .h5 that real Keras loads', async () => {
    const file = await openThenSaveH5(page, `${VERIFY_FIXTURES}keras_reference_mlp.h5`, 'keras_reference_mlp', desktop.userDir);
    const check = checkH5(file, '--expect-accuracy', '96.7');
    expect(check.code, check.stdout.slice(-2000)).toBe(0);
  });

  it('ends with no console error, no request outside the app, and nothing on the main process stderr', () => {
    expect(desktop.problems).toEqual([]);
    expect(desktop.stderr()).toBe('');
  });
});
