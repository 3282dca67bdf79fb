/** Run history in the real app: two short runs that differ only in learning rate, listed, overlaid and exported. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { screenshot, useChromiumApp, type WebApp } from './harness';

let app: WebApp;
let page: Page;

const session = useChromiumApp();
beforeAll(() => {
  ({ app, page } = session);
});

const LEARNING_RATES = ['0.001', '0.003'];

const statuses = (): Promise<string[]> => page.getByTestId('run-row').locator('[data-column="status"]').allTextContents();

/**
 * One epoch of the quick-check preset (6,000 images) at this learning rate, from the Train page; resolves once the
 * Runs page lists it completed: its record is ended (model saved) before the backend takes the next run, whereas
 * the Train page already says "Done" when the last event arrives, before the model is saved.
 */
async function trainOneEpoch(learningRate: string, runs: number): Promise<void> {
  await page.getByTestId('nav-train').click();
  await page.locator('#train-preset').selectOption('quick-check');
  await page.locator('#train-epochs').fill('1');
  await page.locator('#train-learning-rate').fill(learningRate);
  await page.getByTestId('train-button').click();
  await page.getByTestId('nav-runs').click();
  await expect.poll(statuses, { timeout: 180_000 }).toEqual(new Array<string>(runs).fill('completed'));
}

describe('run history (web mode, real backend)', () => {
  it('lists two runs with different learning rates, overlays their curves and exports one as CSV', async () => {
    await trainOneEpoch(LEARNING_RATES[0], 1);
    await trainOneEpoch(LEARNING_RATES[1], 2);

    const rows = page.getByTestId('run-row');
    expect((await rows.locator('[data-column="learningRate"]').allTextContents()).sort()).toEqual(LEARNING_RATES);
    expect(await rows.locator('[data-column="epochs"]').allTextContents()).toEqual(['1 / 1', '1 / 1']);

    for (let i = 0; i < 2; i++) await rows.nth(i).getByTestId('run-select').check();
    for (const chart of ['runs-loss-chart', 'runs-accuracy-chart']) {
      await expect.poll(() => page.getByTestId(chart).getAttribute('data-series'), { timeout: 30_000 }).toBe('4');
    }
    await screenshot(page, 'runs');

    const row = rows.filter({ has: page.locator('[data-column="learningRate"]', { hasText: LEARNING_RATES[1] }) });
    const download = new Promise<Download>((resolve) => page.once('download', resolve));
    await row.getByTestId('export-csv-button').click();
    const file = join(app.userDir, 'history.csv');
    await (await download).saveAs(file);
    const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('epoch,accuracy,loss,val_accuracy,val_loss');
    expect(lines).toHaveLength(2);
    expect(lines[1].split(',').map(Number).every(Number.isFinite)).toBe(true);
  });

  it('overlays the per-batch curves and saves a chart as a PNG image', async () => {
    await page.getByTestId('runs-view-toggle').locator('[data-view="batch"]').click();
    await expect.poll(() => page.getByTestId('runs-loss-chart').getAttribute('data-series')).toBe('2');
    await screenshot(page, 'runs-per-batch');
    const download = new Promise<Download>((resolve) => page.once('download', resolve));
    await page.locator('[data-testid="save-png-button"][data-chart="loss"]').click();
    expect((await download).suggestedFilename()).toBe('runs-loss.png');
    const file = join(app.userDir, 'runs-loss.png');
    await (await download).saveAs(file);
    expect(readFileSync(file).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });
});
