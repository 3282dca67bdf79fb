/**
 * Real pen strokes into the real Draw page (web mode + Chromium, see test/e2e/harness): each point is one
 * CDP pen event (pointerType "pen" with a pressure), at whole CSS pixels of the canvas, so the canvas
 * records exactly the points given. Used by the e2e pen replay and `npm run bench:pen -- --canvas N`.
 */
import type { CDPSession, Page } from 'playwright-core';
import { MNIST_SIZE, type ModelInput } from '../../src/core/preprocess';

export const BUNDLED_MODEL = 'bundled-digit-mlp';

/** What the page shows for a drawing: the digit ('' for "Draw a digit") and the 28×28 preview's grey levels. */
export interface PageReading {
  digit: string;
  preview: number[];
}

/**
 * The preview paints each input value rounded to a whole grey level, so a page that hands the model exactly
 * the strokes pipeline's input shows it within half a grey level.
 */
export const PREVIEW_ROUNDING = 0.5;

/** Largest difference, in grey levels, between the page's 28×28 preview and a model input computed elsewhere. */
export function previewError({ preview }: PageReading, input: ModelInput): number {
  return Math.max(...preview.map((v, i) => Math.abs(v - input.pixels[i] * 255)));
}

/** Opens the Draw page with the bundled model chosen. */
export async function openDrawPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('nav-draw').click();
  await page.locator(`[data-testid="model-select"] option[value="${BUNDLED_MODEL}"]`).waitFor({ state: 'attached' });
  const select = page.getByTestId('model-select');
  if ((await select.inputValue()) !== BUNDLED_MODEL) await select.selectOption(BUNDLED_MODEL);
}

export class PenReplay {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly left: number,
    private readonly top: number,
  ) {}

  /** A replayer for the page's Draw canvas (the page must show it). */
  static async on(page: Page): Promise<PenReplay> {
    const box = await page.getByTestId('draw-canvas').boundingBox();
    if (!box) throw new Error('the Draw canvas is not visible');
    return new PenReplay(page, await page.context().newCDPSession(page), box.x, box.y);
  }

  /**
   * Clears the canvas, draws the strokes (flat x0, y0, … in canvas CSS px) with the pen at `pressure`,
   * and reads the prediction made from all of them.
   */
  async draw(strokes: readonly number[][], pressure = 0.5): Promise<PageReading> {
    await this.page.getByTestId('clear-button').click();
    await this.page.locator('[data-testid="prediction"][data-strokes="0"]').waitFor();
    for (const points of strokes) {
      const n = points.length >> 1;
      // One event at a time: events sent faster than the page handles them would be coalesced.
      for (let i = 0; i <= n; i++) {
        const type = i === 0 ? 'mousePressed' : i < n ? 'mouseMoved' : 'mouseReleased';
        const p = Math.min(i, n - 1);
        await this.cdp.send('Input.dispatchMouseEvent', {
          type,
          x: this.left + points[2 * p],
          y: this.top + points[2 * p + 1],
          button: 'left',
          buttons: type === 'mouseReleased' ? 0 : 1,
          clickCount: 1,
          pointerType: 'pen',
          force: type === 'mouseReleased' ? 0 : pressure,
        });
      }
    }
    const prediction = this.page.locator(`[data-testid="prediction"][data-strokes="${strokes.length}"]`);
    await prediction.waitFor();
    return { digit: (await prediction.getAttribute('data-digit')) ?? '', preview: await this.preview() };
  }

  /** The red channel of the 28×28 preview (it is grey: white ink on black). */
  private async preview(): Promise<number[]> {
    return (await this.page.evaluate(
      `Array.from(document.querySelector('[data-testid="model-input-preview"]').getContext('2d').getImageData(0, 0, ${MNIST_SIZE}, ${MNIST_SIZE}).data.filter((_, i) => i % 4 === 0))`,
    )) as number[];
  }

  /** How much ink the screen shows: the summed darkness of Fabric's visible (lower) canvas, once it has caught up. */
  async visibleInk(): Promise<number> {
    await this.page.evaluate('new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)))');
    return (await this.page.evaluate(
      `(() => { const c = document.querySelector('.lower-canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let s = 0; for (let i = 0; i < d.length; i += 4) s += 255 - d[i]; return s; })()`,
    )) as number;
  }

  /** The page's preprocessing + prediction times (ms) recorded since the last call (window.__digitStudioPredictTiming). */
  async takePredictTimings(): Promise<number[]> {
    return (await this.page.evaluate('(window.__digitStudioPredictTiming ?? []).splice(0)')) as number[];
  }

  async close(): Promise<void> {
    await this.cdp.detach();
  }
}
