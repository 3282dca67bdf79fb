/**
 * A .tflite file read live on the Draw page, in the real web mode: evaluated on the Evaluate page, then "Draw with
 * this model" has the backend keep it compiled in LiteRT.js and read each drawing. The file is the verify kit's
 * independently written CNN (98.51 % in real Keras); drawn digits must read as what they are.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { VERIFY_FIXTURES } from '../helpers/verify-kit';
import { drawStrokes, screenshot, useChromiumApp } from './harness';

let page: Page;
const session = useChromiumApp();
beforeAll(() => {
  ({ page } = session);
});

const ONE: Array<Array<[number, number]>> = [[[0.5, 0.18], [0.5, 0.82]]];
const SEVEN: Array<Array<[number, number]>> = [[[0.28, 0.2], [0.72, 0.2], [0.45, 0.82]]];

describe('drawing with an opened .tflite file (web mode, real backend)', () => {
  it('evaluates the file, then reads drawn digits with it live and says how it runs', async () => {
    await page.getByTestId('nav-evaluate').click();
    await page.getByTestId('evaluate-tflite-input').setInputFiles(`${VERIFY_FIXTURES}reference_cnn.tflite`);
    await expect.poll(() => page.getByTestId('eval-accuracy').textContent(), { timeout: 120_000 }).toBe('98.51 %');

    await page.getByTestId('evaluate-draw-with-file').click();
    const model = page.getByTestId('draw-tflite-model');
    await expect.poll(() => model.count(), { timeout: 30_000 }).toBe(1);
    expect(await model.textContent()).toMatch(/^\s*reference_cnn\.tflite runs in LiteRT\.js \d\S* · input float32 \[1,28,28,1\], \(pixel − 0\) \/ 255\s*$/);
    expect(await page.getByTestId('model-select').inputValue()).toBe('file:tflite');

    const prediction = page.getByTestId('prediction');
    await drawStrokes(page, 'draw-canvas', ONE);
    await expect.poll(() => prediction.getAttribute('data-strokes')).toBe('1');
    expect(await prediction.getAttribute('data-digit')).toBe('1');

    await page.getByTestId('clear-button').click();
    await expect.poll(() => prediction.getAttribute('data-strokes')).toBe('0');
    await drawStrokes(page, 'draw-canvas', SEVEN);
    await expect.poll(() => prediction.getAttribute('data-strokes')).toBe('1');
    expect(await prediction.getAttribute('data-digit')).toBe('7');
    const top = page.locator('[data-testid="probabilities"] li.top');
    expect(await top.getAttribute('data-digit')).toBe('7');
    await screenshot(page, 'tflite-draw');

    // Live: each stroke's reading is shown well within the page's 100 ms live-update interval, round trip included.
    await page.evaluate('window.__digitStudioDrawTiming = []');
    for (let i = 0; i < 10; i++) {
      await page.getByTestId('clear-button').click();
      await drawStrokes(page, 'draw-canvas', ONE);
      await expect.poll(() => prediction.getAttribute('data-strokes')).toBe('1');
      expect(await prediction.getAttribute('data-digit')).toBe('1');
    }
    const timings = ((await page.evaluate('window.__digitStudioDrawTiming')) as number[]).sort((a, b) => a - b);
    expect(timings).toHaveLength(10);
    expect(timings[5]).toBeLessThan(100);

    // Back to the library model: the page reads the same drawing with it, in the page.
    await page.getByTestId('model-select').selectOption('bundled-digit-mlp');
    expect(await model.count()).toBe(0);
    await expect.poll(() => prediction.getAttribute('data-digit')).toBe('1');
    await page.getByTestId('clear-button').click();
    await drawStrokes(page, 'draw-canvas', SEVEN);
    await expect.poll(() => prediction.getAttribute('data-strokes')).toBe('1');
    expect(await prediction.getAttribute('data-digit')).toBe('7');
  }, 240_000);
});
