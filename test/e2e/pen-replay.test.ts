/**
 * Real pen-written digits (../shared/pendigits-dev) replayed as pen strokes into the real Draw canvas
 * (web mode, Chromium), read back from the page, and compared with the strokes pipeline of core
 * (`predict --strokes`) on the same points. The bundled model may be retrained, so the accuracy bound is
 * relative to what core reads for the same drawings, plus a generous absolute floor.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModelFile } from '../../src/core/formats/model-file';
import { argMax, createPredictor } from '../../src/core/inference';
import { MIN_DIGIT_SPAN_PX, strokesToModelInput, type ModelInput } from '../../src/core/preprocess';
import { CANVAS, DIGIT_BOX, PENDIGITS, PLACEMENTS, loadPenSamples, penSubset, placeOnCanvas, type PenSample } from '../helpers/pen-canvas';
import { PREVIEW_ROUNDING, PenReplay, openDrawPage, previewError } from '../helpers/pen-replay';
import { launchChromium, screenshot, startWebApp, type WebApp } from './harness';

const MODEL = fileURLToPath(new URL('../../resources/models/digit-mlp.json', import.meta.url));
/** 4 writers per digit, spread over each digit's 100 samples (which are sorted by institution). */
const SUBSET = penSubset(40);

let app: WebApp;
let browser: Browser;
let page: Page;
let pen: PenReplay;
let predict: (input: ArrayLike<number>) => Float32Array;

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  predict = createPredictor(await openModelFile(MODEL));
  await openDrawPage(page, app.url);
  pen = await PenReplay.on(page);
});

afterAll(async () => {
  await pen?.close();
  await browser?.close();
  await app?.stop();
});

/** What core makes of the same canvas points: the model input and the digit ('' for none). */
function core(strokes: number[][]): { input: ModelInput; digit: string } {
  const input = strokesToModelInput(strokes, MIN_DIGIT_SPAN_PX);
  return { input, digit: input.empty ? '' : String(argMax(predict(input.pixels))) };
}

describe.skipIf(!existsSync(PENDIGITS))('real pen digits replayed into the Draw canvas', () => {
  it('reads them as the strokes pipeline does, and shows exactly its model input in the 28×28 preview', async () => {
    const samples: PenSample[] = loadPenSamples().filter((_, i) => SUBSET.includes(i));
    let correct = 0;
    let corePipelineCorrect = 0;
    let agree = 0;
    let previewsExact = 0;
    for (const { label, strokes } of samples) {
      const drawing = placeOnCanvas(strokes, PLACEMENTS.canvas);
      const reading = await pen.draw(drawing);
      const expected = core(drawing);
      if (reading.digit === String(label)) correct++;
      if (expected.digit === String(label)) corePipelineCorrect++;
      if (reading.digit === expected.digit) agree++;
      if (previewError(reading, expected.input) <= PREVIEW_ROUNDING) previewsExact++;
    }
    await screenshot(page, 'draw-pen-replay');
    expect(samples.map((s) => s.label)).toEqual(SUBSET.map((i) => Math.floor(i / 100)));
    expect(agree).toBeGreaterThanOrEqual(samples.length - 1);
    expect(previewsExact).toBeGreaterThanOrEqual(samples.length - 1);
    expect(correct).toBeGreaterThanOrEqual(corePipelineCorrect - 1);
    expect(correct / samples.length).toBeGreaterThanOrEqual(0.85);
  });

  it('reads a digit drawn small, off-centre or touching the canvas edge as the strokes pipeline does', async () => {
    const [two, seven] = loadPenSamples().filter((_, i) => i === 200 || i === 700);
    const placements = [
      { size: DIGIT_BOX / 4, at: [230, 20] as [number, number] },
      { size: DIGIT_BOX, at: [0, 0] as [number, number] },
      { size: DIGIT_BOX, at: [CANVAS - 1 - DIGIT_BOX, CANVAS - 1 - DIGIT_BOX] as [number, number] },
      { size: CANVAS - 1, at: [0, 0] as [number, number] },
    ];
    for (const sample of [two, seven]) {
      for (const placement of placements) {
        const drawing = placeOnCanvas(sample.strokes, placement);
        const reading = await pen.draw(drawing);
        const expected = core(drawing);
        expect(reading.digit, JSON.stringify(placement)).toBe(expected.digit);
        expect(previewError(reading, expected.input)).toBeLessThanOrEqual(PREVIEW_ROUNDING);
      }
    }
  });

  it('reads a digit whose strokes run past the canvas edge as the digit drawn (the pen is followed outside)', async () => {
    const [seven] = loadPenSamples().filter((_, i) => i === 700);
    const reading = await pen.draw(placeOnCanvas(seven.strokes, { size: DIGIT_BOX, at: [CANVAS - DIGIT_BOX / 2, CANVAS - DIGIT_BOX / 2] }));
    expect(reading.digit).toBe('7');
  });

  it('changes the visible ink with pen pressure but not the model input', async () => {
    const [three] = loadPenSamples().filter((_, i) => i === 300);
    const drawing = placeOnCanvas(three.strokes, PLACEMENTS.canvas);
    const light = await pen.draw(drawing, 0.1);
    const lightInk = await pen.visibleInk();
    const heavy = await pen.draw(drawing, 1);
    const heavyInk = await pen.visibleInk();
    // The on-screen pen is 0.4× to 1.6× its width from no to full pressure: much more ink when pressed hard.
    expect(heavyInk).toBeGreaterThan(1.5 * lightInk);
    expect(heavy).toEqual(light);
  });

  it('shows "Draw a digit" for an empty canvas, a dot and a tiny scribble, and no input in the preview', async () => {
    for (const strokes of [[], [[160, 160]], [[150, 150, 154, 156, 158, 152]]]) {
      const reading = await pen.draw(strokes);
      expect(reading.digit).toBe('');
      expect(reading.preview.every((v) => v === 0)).toBe(true);
      expect(await page.getByTestId('prediction').textContent()).toContain('Draw a digit');
    }
  });
});
