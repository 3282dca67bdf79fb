/**
 * `npm run bench:pen -- --canvas N`: N real pen digits replayed as CDP pen strokes into the real Draw page
 * (web mode + Chromium), once with each of the given models chosen, each read back from the page: the digit, whether
 * the 28×28 preview equals the strokes pipeline's input for the same points, and the page's own preprocessing +
 * prediction time per drawing.
 */
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { launchChromium, startWebApp, type WebApp } from '../e2e/harness';
import { PLACEMENTS, placeOnCanvas, type PenSample } from '../helpers/pen-canvas';
import { PREVIEW_ROUNDING, PenReplay, openDrawPage, previewError } from '../helpers/pen-replay';
import type { ModelInput } from '../../src/core/preprocess';

export interface LiveReplay {
  /** The page's digit per sample, null for "Draw a digit". */
  digits: Array<number | null>;
  /** Samples whose preview shows `expected(strokes)` (up to its rounding to whole grey levels). */
  previewsExact: number;
  /** The page's preprocessing + prediction times (ms), every drawing read, live reads included. */
  rendererMs: number[];
  /** Wall time per sample: clear, replay every pen event, read the page. */
  secondsPerSample: number;
}

/** Chooses a model of the library on the Draw page (the page must show it) and waits until it is loaded. */
export async function chooseModel(page: Page, id: string): Promise<void> {
  await page.locator(`[data-testid="model-select"] option[value="${id}"]`).waitFor({ state: 'attached', timeout: 30_000 });
  await page.getByTestId('model-select').selectOption(id);
  // The chooser shows "Loading model…" from the choice (made in the change handler) until the predictor is ready.
  await page.locator('[data-testid="model-select"] ~ [role="status"]').waitFor({ state: 'detached', timeout: 60_000 });
}

async function replay(pen: PenReplay, samples: PenSample[], expected: (strokes: number[][]) => ModelInput): Promise<LiveReplay> {
  const result: LiveReplay = { digits: [], previewsExact: 0, rendererMs: [], secondsPerSample: 0 };
  await pen.takePredictTimings();
  const started = performance.now();
  for (const { strokes } of samples) {
    const drawing = placeOnCanvas(strokes, PLACEMENTS.canvas);
    const reading = await pen.draw(drawing);
    result.digits.push(reading.digit === '' ? null : Number(reading.digit));
    if (previewError(reading, expected(drawing)) <= PREVIEW_ROUNDING) result.previewsExact++;
    result.rendererMs.push(...(await pen.takePredictTimings()));
  }
  result.secondsPerSample = (performance.now() - started) / 1000 / samples.length;
  return result;
}

/** The samples replayed with each model (library ids, e.g. bundled-digit-mlp) in turn, one browser and one web mode for all. */
export async function replayLive(samples: PenSample[], models: string[], expected: (strokes: number[][]) => ModelInput): Promise<LiveReplay[]> {
  const browser = await launchChromium();
  let app: WebApp | undefined;
  try {
    app = await startWebApp();
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await openDrawPage(page, app.url);
    const pen = await PenReplay.on(page);
    const results: LiveReplay[] = [];
    for (const model of models) {
      await chooseModel(page, model);
      results.push(await replay(pen, samples, expected));
    }
    await pen.close();
    return results;
  } finally {
    await browser.close();
    await app?.stop();
  }
}
