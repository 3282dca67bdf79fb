/**
 * Pause, draw, resume and continue in the real app (web mode, Chromium, the engine): a short run paused in its second
 * epoch reads a digit on the Draw page with the run's weights as they are then; resumed, it ends with the same
 * steps and the same History, bit for bit, as the same run unpaused; its model continued 2 epochs grows its History
 * on the Runs page, and the Network page shows its weights over the 4 epochs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/core/api/run-history';
import { drawStrokes, screenshot, useChromiumApp, type WebApp } from './harness';

let app: WebApp;
let page: Page;
const session = useChromiumApp();
beforeAll(() => {
  ({ app, page } = session);
});

const statuses = (): Promise<string[]> => page.getByTestId('run-row').locator('[data-column="status"]').allTextContents();
const epochColumn = (): Promise<string[]> => page.getByTestId('run-row').locator('[data-column="epochs"]').allTextContents();
/** The run records on disk, oldest first. */
const records = (): RunRecord[] =>
  readdirSync(join(app.userDir, 'runs'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(app.userDir, 'runs', f), 'utf8')) as RunRecord)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));

/** Quick check (2 epochs) on all 60,000 images (48,000 to train on: 750 batches of 64 per epoch) with the engine and the default seed, from the Train page. */
async function startRun(): Promise<void> {
  await page.getByTestId('nav-train').click();
  await page.locator('#train-preset').selectOption('quick-check');
  await page.locator('#train-limit').fill('60000');
  await page.locator('#train-backend').selectOption('engine');
  await page.getByTestId('train-button').click();
}

async function waitForRuns(count: number): Promise<void> {
  await page.getByTestId('nav-runs').click();
  await expect.poll(statuses, { timeout: 240_000 }).toEqual(new Array<string>(count).fill('completed'));
}

describe('pause, draw with the current weights, resume, continue (web mode, real backend)', () => {
  it('draws with a paused run’s weights, and the resumed run ends as the same run unpaused', async () => {
    await startRun();
    const status = page.getByTestId('train-status');
    // Paused in the second epoch, so that the charts have something to show; an epoch takes seconds.
    await expect.poll(() => status.textContent(), { timeout: 120_000 }).toContain('epoch 2 of 2');
    await page.getByTestId('pause-button').click();
    await expect.poll(() => status.getAttribute('data-paused'), { timeout: 120_000 }).toBe('true');
    await screenshot(page, 'train-paused');

    await page.getByTestId('nav-draw').click();
    await page.getByTestId('run-weights-switch').check();
    const at = page.getByTestId('run-weights-at');
    await expect.poll(() => at.textContent(), { timeout: 30_000 }).toMatch(/^paused in epoch 2 \(batch \d+ of 750\)$/);
    await drawStrokes(page, 'draw-canvas', [[[0.5, 0.15], [0.5, 0.85]]]);
    const prediction = page.getByTestId('prediction');
    await expect.poll(() => prediction.getAttribute('data-digit')).toMatch(/^\d$/);
    await screenshot(page, 'draw-run-weights');
    // The switch changes what reads the drawing: the chosen bundled model gives other probabilities.
    const probabilities = page.getByTestId('probabilities');
    const withRunWeights = await probabilities.textContent();
    await page.getByTestId('run-weights-switch').uncheck();
    await expect.poll(() => probabilities.textContent()).not.toBe(withRunWeights);
    await page.getByTestId('run-weights-switch').check();
    await expect.poll(() => probabilities.textContent(), { timeout: 30_000 }).toBe(withRunWeights);

    await page.getByTestId('nav-train').click();
    await page.getByTestId('resume-button').click();
    await waitForRuns(1);
    // The run is over: the switch is gone and the chosen model reads the drawing again.
    await page.getByTestId('nav-draw').click();
    await expect.poll(() => page.getByTestId('run-weights').count()).toBe(0);

    await startRun();
    await waitForRuns(2);
    expect(await epochColumn()).toEqual(['2 / 2', '2 / 2']);
    const [paused, unpaused] = records();
    expect(paused.history).toHaveLength(2);
    expect(paused.batches.at(-1)!.step).toBe(unpaused.batches.at(-1)!.step);
    const metrics = (record: RunRecord) => record.history.map(({ loss, accuracy, val_loss, val_accuracy }) => [loss, accuracy, val_loss, val_accuracy]);
    expect(metrics(paused)).toEqual(metrics(unpaused));
    expect(paused.test).toEqual(unpaused.test);
  }, 600_000);

  it('continues the paused run’s model 2 epochs: its History grows, and the Network page shows its weights over them', async () => {
    const [paused] = records();
    await page.getByTestId('nav-train').click();
    await page.getByTestId('continue-model').selectOption(paused.modelId!);
    await page.getByTestId('continue-epochs').fill('2');
    await page.getByTestId('continue-button').click();
    await page.getByTestId('nav-runs').click();
    await expect.poll(async () => (await epochColumn()).sort(), { timeout: 240_000 }).toEqual(['2 / 2', '4 / 4']);
    await expect.poll(statuses, { timeout: 60_000 }).toEqual(['completed', 'completed']);

    const continued = records().find((record) => record.id === paused.id)!;
    expect(continued.history.map((row) => row.epoch)).toEqual([1, 2, 3, 4]);
    await page.getByTestId('nav-network').click();
    await page.getByTestId('model-select').selectOption(continued.modelId!);
    const kernel = page.getByTestId('kernel-over-epochs').first();
    await expect.poll(() => kernel.getAttribute('data-epochs'), { timeout: 30_000 }).toBe('5');
    expect(await page.getByTestId('layer-over-epochs').count()).toBe(continued.weights![0].layers.length);
    await page.getByTestId('weights-over-epochs').scrollIntoViewIfNeeded();
    // Charts are made as they come into view.
    await expect.poll(() => page.getByTestId('weights-over-epochs').locator('canvas').count()).toBeGreaterThan(0);
    await screenshot(page, 'network-over-epochs');
  }, 600_000);
});
