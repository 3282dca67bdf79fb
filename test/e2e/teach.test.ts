/** "Teach it my handwriting" in the real app: draw, correct the label, find the drawing under My digits, export it. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { loadDigitSet } from '../../src/core/dataset';
import { drawOnBundledModel, screenshot, useChromiumApp, type WebApp } from './harness';

let app: WebApp;
let page: Page;

const session = useChromiumApp();
beforeAll(() => {
  ({ app, page } = session);
});

const ONE: Array<Array<[number, number]>> = [[[0.5, 0.18], [0.5, 0.82]]];

describe('teach it my handwriting (web mode, real backend)', () => {
  it('keeps a drawing with its corrected label and shows it under My digits, relabelled and exported as IDX', async () => {
    const prediction = await drawOnBundledModel(page, ONE);
    expect(await prediction.getAttribute('data-digit')).toBe('1');
    // Say it is a 7 (the user knows best), then the canvas is ready for the next digit.
    await page.getByTestId('correct-label-7').click();
    await expect.poll(() => page.getByTestId('teach-saved').textContent()).toBe('Saved as 7 — 1 drawing in My digits.');
    expect(await prediction.getAttribute('data-strokes')).toBe('0');
    const files = readdirSync(join(app.userDir, 'samples'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^sample-\d{17}-[0-9a-f]{6}\.json$/);
    await screenshot(page, 'teach-draw');

    await page.getByTestId('nav-samples').click();
    const card = page.getByTestId('sample-card');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getAttribute('data-label')).toBe('7');
    expect(await page.getByTestId('sample-count-7').locator('.count-value').textContent()).toBe('1');
    await screenshot(page, 'teach-samples');

    await card.getByTestId('sample-label').selectOption('1');
    await expect.poll(() => card.getAttribute('data-label')).toBe('1');
    expect(await page.getByTestId('sample-count-1').locator('.count-value').textContent()).toBe('1');
    expect(await page.getByTestId('sample-count-7').locator('.count-value').textContent()).toBe('0');

    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await page.getByTestId('export-samples').click();
    await expect.poll(() => downloads.length, { timeout: 10_000 }).toBe(2);
    const saved = await Promise.all(
      ['my-digits-images-idx3-ubyte', 'my-digits-labels-idx1-ubyte'].map(async (name) => {
        const file = join(app.userDir, name);
        await downloads.find((d) => d.suggestedFilename() === name)!.saveAs(file);
        return file;
      }),
    );
    const set = await loadDigitSet(saved[0], saved[1]);
    expect(set).toMatchObject({ count: 1, rows: 28, cols: 28 });
    expect(Array.from(set.labels)).toEqual([1]);
    // A vertical bar: ink in the middle column, none in the corners.
    expect(set.pixels[14 * 28 + 14]).toBeGreaterThan(100);
    expect([0, 27, 27 * 28, 28 * 28 - 1].map((i) => set.pixels[i])).toEqual([0, 0, 0, 0]);

    await card.getByTestId('sample-delete').click();
    await expect.poll(() => page.getByTestId('samples-empty').count()).toBe(1);
  });
});
