/**
 * The Runs and Network pages during a real training run (issue 19: no renderer task over 50 ms with either open):
 * two short runs are recorded first and ticked on the Runs page, a digit is drawn with the bundled CNN, then a
 * longer run starts from the Train page. The Runs page is opened and the running run ticked too, so both comparison
 * charts redraw at every epoch it records; then the Network page, with the bundled CNN's summary, first-layer tiles,
 * histograms and the drawing's activations and saliency; then the bundled MLP chosen there (256 tiles of 28×28),
 * and its page scrolled through to the end, making its charts as they come into view.
 * Per page: the long tasks from the click on its tab to leaving it, and the switch time (click → its content drawn).
 */
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { BUNDLED_MODEL } from '../helpers/pen-replay';
import { drawStrokes } from '../e2e/harness';
import { chooseModel } from './pen-live';
import { LONG_TASK_MS, longTasksBetween, pageNow } from './ui-longtasks';
import { variedDigits } from './ui-strokes';

const BUNDLED_CNN = 'bundled-digit-cnn';
const RECORDED_LEARNING_RATES = ['0.001', '0.003'];

export interface PagesOptions {
  /** How long each page is watched while the run goes on. */
  watchSeconds?: number;
}

interface Run {
  epochs: string;
  limit: string;
  learningRate: string;
}

/** Starts a run of the recommended preset from the Train page and waits until the page says it is running. */
async function startRun(page: Page, { epochs, limit, learningRate }: Run): Promise<void> {
  await page.getByTestId('nav-train').click();
  await page.locator('#train-preset').selectOption('recommended');
  await page.locator('#train-epochs').fill(epochs);
  await page.locator('#train-limit').fill(limit);
  await page.locator('#train-learning-rate').fill(learningRate);
  await page.getByTestId('train-button').click();
  await page.locator('[data-testid="train-status"][data-state="running"]').waitFor({ timeout: 60_000 });
}

/** The Runs page's row of the run at this learning rate (each run the bench records has its own). */
const runRow = (page: Page, learningRate: string) =>
  page.getByTestId('run-row').filter({ has: page.locator('[data-column="learningRate"]', { hasText: new RegExp(`^\\s*${learningRate}\\s*$`) }) });

/** Records one short run per learning rate, each listed completed before the next starts, and ticks them on the Runs page. */
async function recordRuns(page: Page): Promise<void> {
  for (const learningRate of RECORDED_LEARNING_RATES) {
    await startRun(page, { epochs: '2', limit: '3000', learningRate });
    await page.getByTestId('nav-runs').click();
    await runRow(page, learningRate).locator('[data-column="status"]', { hasText: 'completed' }).waitFor({ timeout: 180_000 });
  }
  for (const learningRate of RECORDED_LEARNING_RATES) await runRow(page, learningRate).getByTestId('run-select').check();
}

/** The long tasks from `from` (page clock) until now, after watching `watchSeconds` more, with the target. */
async function watch(page: Page, from: number, watchSeconds: number): Promise<Record<string, unknown>> {
  await page.waitForTimeout(watchSeconds * 1000);
  const to = await pageNow(page);
  await page.waitForTimeout(500); // let the observers deliver the last entries
  const tasks = await longTasksBetween(page, from, to);
  return { ...tasks, target: LONG_TASK_MS, met: tasks.over_target === 0 };
}

/** Clicks a page's tab and resolves (ms on the bench's clock) once `ready` holds on it. */
async function switchTo(page: Page, tab: string, ready: () => Promise<unknown>): Promise<number> {
  const clicked = performance.now();
  await page.getByTestId(tab).click();
  await ready();
  return Math.round(performance.now() - clicked);
}

/** The Network page's content for the chosen model: every first-layer tile drawn, the saliency map, a histogram. */
async function networkDrawn(page: Page, tiles: number): Promise<void> {
  await page.locator(`[data-testid="first-layer-tiles"][data-tiles="${tiles}"] [data-drawn="true"]`).waitFor({ timeout: 60_000 });
  await page.getByTestId('saliency-map').waitFor({ timeout: 60_000 });
  await page.getByTestId('kernel-histogram').first().waitFor({ timeout: 60_000 });
}

/** Scrolls the page down with the mouse wheel, a screenful every 0.4 s, to its end, then back to the top; the steps taken. */
async function scrollThrough(page: Page): Promise<number> {
  await page.getByTestId('network-page').hover();
  let steps = 0;
  for (let before = -1, at = 0; at > before; steps++) {
    before = at;
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(400);
    at = await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY);
  }
  await page.mouse.wheel(0, -100_000);
  return steps;
}

export async function pagesDuringTraining(page: Page, options: PagesOptions = {}): Promise<Record<string, unknown>> {
  const { watchSeconds = 10 } = options;
  await recordRuns(page);
  await page.getByTestId('nav-draw').click();
  await chooseModel(page, BUNDLED_CNN);
  await page.getByTestId('clear-button').click();
  await page.locator('[data-testid="prediction"][data-strokes="0"]').waitFor({ timeout: 60_000 });
  await drawStrokes(page, 'draw-canvas', variedDigits(4)[3].strokes);
  await page.locator('[data-testid="prediction"][data-strokes="1"]:not([data-digit=""])').waitFor({ timeout: 60_000 });

  // Long enough to outlast the three windows on an idle machine (the engine trains 10,000 images in ~0.15 s); stopped after them.
  const run: Run = { epochs: '200', limit: '30000', learningRate: '0.002' };
  await startRun(page, run);
  const epochsAtStart = Date.now();

  let from = await pageNow(page);
  const runsSwitch = await switchTo(page, 'nav-runs', () => page.locator('[data-testid="runs-loss-chart"][data-series="4"]').waitFor());
  // Ticked, the running run's curves join the two recorded runs' and grow every epoch.
  await runRow(page, run.learningRate).getByTestId('run-select').check();
  const runs = { page_switch_ms: runsSwitch, ...(await watch(page, from, watchSeconds)), charts_series: await page.getByTestId('runs-loss-chart').getAttribute('data-series') };

  from = await pageNow(page);
  const cnnSwitch = await switchTo(page, 'nav-network', () => networkDrawn(page, 32));
  const cnn = { model: BUNDLED_CNN, page_switch_ms: cnnSwitch, ...(await watch(page, from, watchSeconds)) };

  from = await pageNow(page);
  const mlpStarted = performance.now();
  await page.getByTestId('model-select').selectOption(BUNDLED_MODEL);
  await networkDrawn(page, 256);
  const mlp = { model: BUNDLED_MODEL, model_switch_ms: Math.round(performance.now() - mlpStarted), ...(await watch(page, from, watchSeconds)) };

  // Its charts are made as they come into view: scrolled down the page as a reader would, then back to the top.
  from = await pageNow(page);
  const scrolls = await scrollThrough(page);
  const scrolled = { model: BUNDLED_MODEL, wheel_steps: scrolls, charts_made: await page.getByTestId('network-page').locator('canvas').count(), ...(await watch(page, from, 2)) };

  await page.getByTestId('nav-train').click();
  const stillRunning = (await page.getByTestId('train-status').getAttribute('data-state')) === 'running';
  if (stillRunning) await page.getByTestId('stop-button').click();
  await page.locator('[data-testid="train-status"]:not([data-state="running"])').waitFor({ timeout: 60_000 });
  return {
    training: { preset: 'recommended', ...run, stopped: stillRunning, watched_s: Math.round((Date.now() - epochsAtStart) / 100) / 10 },
    runs_page: runs,
    network_page_cnn: cnn,
    network_page_mlp: mlp,
    network_page_scrolled: scrolled,
  };
}
