/**
 * Model flows on the Models page that both the web-mode e2e tests and the built desktop app tests walk through:
 * export a TFLite file from a model card, and open a .h5 then save it again as .h5. Each returns the file it
 * saved, for the independent judges (check-tflite, check-h5).
 */
import { join } from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Exports the card's model as TFLite (the app verifies it first) and saves the .tflite download into `dir`. */
export async function exportTfliteFromCard(page: Page, card: Locator, dir: string): Promise<string> {
  await page.getByTestId('nav-models').click();
  await card.getByTestId('export-tflite-button').click();
  const downloads: Download[] = [];
  const onDownload = (download: Download): number => downloads.push(download);
  page.on('download', onDownload);
  await card.getByTestId('tflite-export-submit').click();
  await expect.poll(() => card.getByTestId('tflite-verified').count(), { timeout: 120_000 }).toBe(1);
  await expect.poll(() => downloads.length, { timeout: 10_000 }).toBe(2);
  page.off('download', onDownload);
  const tflite = downloads.find((d) => d.suggestedFilename().endsWith('.tflite'))!;
  const file = join(dir, tflite.suggestedFilename());
  await tflite.saveAs(file);
  return file;
}

/** Opens a .h5 file through the Models page's file input, then saves the imported model as .h5 into `dir`. */
export async function openThenSaveH5(page: Page, h5: string, name: string, dir: string): Promise<string> {
  await page.getByTestId('nav-models').click();
  await page.locator('input[type=file]').setInputFiles(h5);
  const imported = page.getByTestId('model-card').filter({ hasText: name });
  await expect.poll(() => imported.count(), { timeout: 30_000 }).toBe(1);
  const download = page.waitForEvent('download');
  await imported.getByTestId('save-h5-button').click();
  const file = join(dir, (await download).suggestedFilename());
  await (await download).saveAs(file);
  return file;
}
