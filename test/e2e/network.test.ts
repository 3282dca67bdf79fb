/**
 * The Network page in the real app (web mode, Chromium): the bundled MLP and Robust CNN with Keras' summary, their
 * first layer's weights drawn as tiles, a weight and bias histogram per layer, and every layer's activations for a
 * digit drawn on the Draw page with the saliency map of the answer beside it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { TILE_BORDER_PX, tileFrameOrigin, tileGridLayout } from '../../src/core/inference/tile-grid';
import { drawOnBundledModel, screenshot, useChromiumApp } from './harness';

let page: Page;
const session = useChromiumApp();
beforeAll(() => {
  ({ page } = session);
});

const summaryRows = (): Promise<string[][]> =>
  page.getByTestId('layer-summary-table').locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent!.trim())));

/** The little of a page's canvas and window these tests use (the Node test project has no DOM types). */
interface PageCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, width: number, height: number): { data: ArrayLike<number> } };
}

/** A tile grid's data attribute as a number. */
const gridNumber = async (grid: Locator, attribute: string): Promise<number> => Number(await grid.getAttribute(attribute));

/**
 * Per first-layer tile: [width, height, opaque values, reddish values, bluish values] of what was drawn for it on the
 * grid's one canvas (one pixel read per value), once every tile is drawn (a few per animation frame).
 */
const tilePixels = async (): Promise<number[][]> => {
  const grid = page.locator('[data-testid="first-layer-tiles"] .tiles[data-drawn="true"]');
  await grid.waitFor();
  const [count, width, height, columns] = await Promise.all(['data-tiles', 'data-tile-width', 'data-tile-height', 'data-columns'].map((a) => gridNumber(grid, a)));
  const layout = tileGridLayout(count, width, height, columns);
  const origins = Array.from({ length: count }, (_, i) => tileFrameOrigin(layout, i));
  return grid.getByTestId('tile-grid').evaluate(
    (canvas, { origins, width, height, side, border }) => {
      const { width: canvasWidth, height: canvasHeight } = canvas as unknown as PageCanvas;
      const { data } = (canvas as unknown as PageCanvas).getContext('2d')!.getImageData(0, 0, canvasWidth, canvasHeight);
      return origins.map(({ x, y }) => {
        const counts = [width, height, 0, 0, 0];
        for (let r = 0; r < height; r++) {
          for (let c = 0; c < width; c++) {
            const at = 4 * ((y + border + r * side) * canvasWidth + x + border + c * side);
            if (data[at + 3] === 255) counts[2]++;
            if (data[at] > data[at + 2] + 40) counts[3]++;
            if (data[at + 2] > data[at] + 40) counts[4]++;
          }
        }
        return counts;
      });
    },
    { origins, width, height, side: layout.side, border: TILE_BORDER_PX },
  );
};

/** The saliency map beside the drawing: its digit and [opaque, reddish, bluish] pixels of what its canvas shows. */
async function saliencyMap(): Promise<{ digit: number; pixels: number[] }> {
  const map = page.getByTestId('saliency-map');
  const pixels = await map.locator('canvas').evaluate((canvas) => {
    const { width, height } = canvas as unknown as PageCanvas;
    const { data } = (canvas as unknown as PageCanvas).getContext('2d')!.getImageData(0, 0, width, height);
    const counts = [0, 0, 0];
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 255) counts[0]++;
      if (data[i] > data[i + 2] + 40) counts[1]++;
      if (data[i + 2] > data[i] + 40) counts[2]++;
    }
    return counts;
  });
  return { digit: Number(await map.getAttribute('data-digit')), pixels };
}

const SEVEN: Array<Array<[number, number]>> = [[[0.28, 0.22], [0.72, 0.22], [0.45, 0.82]]];

/** The digit whose output bar is full height (the largest probability) in the output layer's activations. */
const leadingDigit = (layer: string): Promise<number> =>
  page
    .locator(`[data-testid="layer-activations"][data-layer="${layer}"] [data-testid="activation-bar"]`)
    .evaluateAll((bars) => bars.findIndex((bar) => (bar as unknown as { style: { height: string } }).style.height === '100%'));

async function openModel(id: string): Promise<void> {
  await page.getByTestId('nav-network').click();
  await page.getByTestId('model-select').selectOption(id);
}

describe('the Network page (web mode, real backend)', () => {
  it("shows the bundled MLP's summary, its 256 first-layer units as 28×28 tiles and its histograms", async () => {
    await openModel('bundled-digit-mlp');
    // 784·256+256, 256·256+256, 256·10+10.
    await expect.poll(summaryRows).toEqual([
      ['dense (Dense)', '(None, 256)', '200,960'],
      ['dense_1 (Dense)', '(None, 256)', '65,792'],
      ['dense_2 (Dense)', '(None, 10)', '2,570'],
    ]);
    await expect.poll(() => page.getByTestId('layer-total').textContent()).toBe('269,322');
    await expect.poll(() => page.getByTestId('first-layer-tiles').getAttribute('data-tiles')).toBe('256');
    const tiles = await tilePixels();
    expect(tiles).toHaveLength(256);
    // Every tile drawn in full, and a trained unit has both positive (red) and negative (blue) weights.
    expect(tiles.every(([w, h, opaque]) => w === 28 && h === 28 && opaque === 784)).toBe(true);
    expect(tiles.filter(([, , , red, blue]) => red > 0 && blue > 0).length).toBeGreaterThan(200);
    // Each layer's histograms appear in a frame of their own after the tiles (frames.ts): wait for all of them.
    const histograms = page.getByTestId('layer-histograms');
    await expect.poll(() => histograms.evaluateAll((figures) => figures.map((f) => f.getAttribute('data-layer')))).toEqual(['dense', 'dense_1', 'dense_2']);
    expect(await histograms.first().getByTestId('kernel-histogram').getAttribute('data-values')).toBe(String(784 * 256));
    // Charts are made as they come into view.
    await histograms.last().scrollIntoViewIfNeeded();
    await expect.poll(() => histograms.locator('canvas').count()).toBe(6);
    await screenshot(page, 'network-mlp');
  });

  it("shows the bundled Robust CNN's summary and its first Conv2D's 32 filters as 3×3 tiles", async () => {
    await openModel('bundled-digit-cnn');
    // 3·3·1·32+32, 3·3·32·64+64, 1600·10+10: keras.io's mnist_convnet.
    await expect.poll(summaryRows).toEqual([
      ['conv2d (Conv2D)', '(None, 26, 26, 32)', '320'],
      ['max_pooling2d (MaxPooling2D)', '(None, 13, 13, 32)', '0'],
      ['conv2d_1 (Conv2D)', '(None, 11, 11, 64)', '18,496'],
      ['max_pooling2d_1 (MaxPooling2D)', '(None, 5, 5, 64)', '0'],
      ['flatten (Flatten)', '(None, 1600)', '0'],
      ['dropout (Dropout)', '(None, 1600)', '0'],
      ['dense (Dense)', '(None, 10)', '16,010'],
    ]);
    await expect.poll(() => page.getByTestId('layer-total').textContent()).toBe('34,826');
    await expect.poll(() => page.getByTestId('first-layer-tiles').getAttribute('data-tiles')).toBe('32');
    const tiles = await tilePixels();
    expect(tiles).toHaveLength(32);
    expect(tiles.every(([w, h, opaque]) => w === 3 && h === 3 && opaque === 9)).toBe(true);
    await expect.poll(() => page.getByTestId('layer-histograms').evaluateAll((figures) => figures.map((f) => f.getAttribute('data-layer')))).toEqual(['conv2d', 'conv2d_1', 'dense']);
    await screenshot(page, 'network-cnn');
  });

  it("shows every layer of both models working on a digit drawn on the Draw page, ending in the Draw page's answer", async () => {
    const prediction = await drawOnBundledModel(page, SEVEN);
    const digit = Number(await prediction.getAttribute('data-digit'));
    await openModel('bundled-digit-mlp');
    const layers = page.getByTestId('layer-activations');
    await expect.poll(() => layers.evaluateAll((figures) => figures.map((f) => f.getAttribute('data-layer')))).toEqual(['dense', 'dense_1', 'dense_2']);
    expect(await page.locator('[data-layer="dense"] [data-testid="activation-bars"]').getAttribute('data-units')).toBe('256');
    expect(await leadingDigit('dense_2')).toBe(digit);
    // The saliency of the same answer, drawn in full: some of the ink pushed for it (red).
    const mlpMap = await saliencyMap();
    expect(mlpMap.digit).toBe(digit);
    expect(mlpMap.pixels[0]).toBe(784);
    expect(mlpMap.pixels[1]).toBeGreaterThan(0);

    await openModel('bundled-digit-cnn');
    await expect.poll(() => layers.evaluateAll((figures) => figures.map((f) => f.getAttribute('data-layer')))).toEqual(['conv2d', 'max_pooling2d', 'conv2d_1', 'max_pooling2d_1', 'dense']);
    // One feature map per channel: 32 of 26×26, then 32 of 13×13, 64 of 11×11, 64 of 5×5.
    const maps = (layer: string): Locator => page.locator(`[data-testid="layer-activations"][data-layer="${layer}"] .tiles`);
    expect(await gridNumber(maps('conv2d'), 'data-tiles')).toBe(32);
    expect(await gridNumber(maps('conv2d'), 'data-tile-width')).toBe(26);
    expect(await gridNumber(maps('max_pooling2d_1'), 'data-tiles')).toBe(64);
    expect(await gridNumber(maps('max_pooling2d_1'), 'data-tile-width')).toBe(5);
    expect(await leadingDigit('dense')).toBe(7);
    await expect.poll(async () => (await saliencyMap()).digit).toBe(7);
    const cnnMap = await saliencyMap();
    expect(cnnMap.pixels[0]).toBe(784);
    expect(cnnMap.pixels[1]).toBeGreaterThan(0);
    await screenshot(page, 'network-activations');
  });
});
