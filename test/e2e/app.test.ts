import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { VERIFY_FIXTURES, checkH5, checkTflite } from '../helpers/verify-kit';
import { drawOnBundledModel, drawStrokes, screenshot, useChromiumApp, type WebApp } from './harness';
import { exportTfliteFromCard, openThenSaveH5 } from './model-flows';

let app: WebApp;
let browser: Browser;
let page: Page;

const session = useChromiumApp();
beforeAll(() => {
  ({ app, browser, page } = session);
});

const ONE: Array<Array<[number, number]>> = [[[0.5, 0.18], [0.5, 0.82]]];
const SEVEN: Array<Array<[number, number]>> = [[[0.28, 0.22], [0.72, 0.22], [0.45, 0.82]]];

describe('Digit Studio in the browser (web mode, real backend)', () => {
  it('trains a short run: both charts gain points, status reaches done, backend and accuracy shown', async () => {
    await page.getByTestId('nav-train').click();
    await page.locator('#train-preset').selectOption('quick-check');
    // All 48,000 training images, so that even the fast engine streams many batch updates.
    await page.locator('#train-limit').fill('');
    await page.locator('#train-epochs').fill('3');
    await page.getByTestId('train-button').click();
    const status = page.getByTestId('train-status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 30_000 }).toBe('running');
    await expect.poll(async () => Number(await page.getByTestId('batch-chart').getAttribute('data-points')), { timeout: 60_000 }).toBeGreaterThan(3);
    await expect.poll(async () => Number(await page.getByTestId('epoch-chart').getAttribute('data-points')), { timeout: 120_000 }).toBeGreaterThan(0);
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 180_000 }).toBe('done');
    expect(await page.getByTestId('backend-badge').textContent()).toMatch(/WebAssembly|native TensorFlow|JavaScript|engine/i);
    expect(await page.getByTestId('test-accuracy').textContent()).toMatch(/\d+(\.\d+)?\s?%/);
    await screenshot(page, 'train');
  });

  it('recognizes a 1 drawn with the mouse and a 7 drawn with a pen, with the bundled model', async () => {
    const prediction = await drawOnBundledModel(page, ONE);
    expect(await prediction.getAttribute('data-digit')).toBe('1');
    await screenshot(page, 'draw-1');
    await page.getByTestId('clear-button').click();
    await expect.poll(() => prediction.getAttribute('data-strokes')).toBe('0');
    await drawStrokes(page, 'draw-canvas', SEVEN, 'pen');
    await expect.poll(() => prediction.getAttribute('data-strokes')).toBe('1');
    expect(await prediction.getAttribute('data-digit')).toBe('7');
    await screenshot(page, 'draw-7');
  });

  it('evaluates the bundled model: accuracy and the confusion matrix', async () => {
    await page.getByTestId('nav-evaluate').click();
    await expect.poll(async () => (await page.getByTestId('eval-accuracy').textContent()) ?? '', { timeout: 60_000 }).toMatch(/98\.62\s?%/);
    await expect(page.getByTestId('confusion-matrix').isVisible()).resolves.toBe(true);
    await screenshot(page, 'evaluate');
  });

  it('lists models, including the one just trained', async () => {
    await page.getByTestId('nav-models').click();
    await expect.poll(async () => (await page.getByTestId('save-h5-button').count()) >= 2, { timeout: 30_000 }).toBe(true);
    await screenshot(page, 'models');
  });

  it('exports the bundled model to TFLite: a verified file that LiteRT (check-tflite) accepts', async () => {
    const file = await exportTfliteFromCard(page, page.getByTestId('model-card').first(), app.userDir);
    await screenshot(page, 'models-export');
    const check = checkTflite(file, '--expect-accuracy', '97');
    expect(check.code, check.stdout.slice(-2000)).toBe(0);
  });

  it("opens the kit's Keras reference .h5 and measures its 96.75 %; saves a model as .h5 that real Keras loads", async () => {
    const file = await openThenSaveH5(page, `${VERIFY_FIXTURES}keras_reference_mlp.h5`, 'keras_reference_mlp', app.userDir);
    const check = checkH5(file, '--expect-accuracy', '96.7');
    expect(check.code, check.stdout.slice(-2000)).toBe(0);
    await page.getByTestId('nav-evaluate').click();
    const select = page.getByTestId('evaluate-model-select');
    await select.selectOption((await select.locator('option', { hasText: 'keras_reference_mlp' }).getAttribute('value'))!);
    await expect.poll(async () => (await page.getByTestId('eval-accuracy').textContent()) ?? '', { timeout: 60_000 }).toMatch(/96\.75\s?%/);
    await screenshot(page, 'evaluate-keras-h5');
  });

  it("opens the kit's Keras CNN, shows its layers, and reads a drawn 7 with it on the Draw page", async () => {
    await page.getByTestId('nav-models').click();
    await page.locator('input[type=file]').setInputFiles(`${VERIFY_FIXTURES}keras_reference_cnn.h5`);
    const card = page.getByTestId('model-card').filter({ hasText: 'keras_reference_cnn' });
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(1);
    expect(await card.getByTestId('model-layers').textContent()).toMatch(/^\s*Conv2D 16 3×3 relu → MaxPooling2D 2×2 → .* → Dense 10 softmax · 12,810 parameters\s*$/);
    await card.getByTestId('layer-summary').locator('summary').click();
    await expect.poll(() => card.getByTestId('layer-summary-table').locator('tfoot').textContent()).toMatch(/Total params\s*12,810/);
    await screenshot(page, 'models-keras-cnn');
    await page.getByTestId('nav-draw').click();
    await page.getByTestId('model-select').selectOption({ label: 'keras_reference_cnn' });
    await page.getByTestId('clear-button').click();
    const prediction = page.getByTestId('prediction');
    await drawStrokes(page, 'draw-canvas', SEVEN);
    await expect.poll(() => prediction.getAttribute('data-strokes')).toBe('1');
    await expect.poll(() => prediction.getAttribute('data-digit'), { timeout: 30_000 }).toBe('7');
    await screenshot(page, 'draw-7-keras-cnn');
  });

  it('refuses a page without the token', async () => {
    const other = await browser.newPage();
    const response = await other.goto(app.url.replace(/\?code=.*/, ''));
    expect(response?.status()).toBe(403);
    await other.close();
  });
});
