// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, KeepAlive, ref, shallowRef } from 'vue';
import { runLayers } from '../../../src/core/api/architecture';
import { bytesToBase64 } from '../../../src/core/api/base64';
import type { ApiEvent } from '../../../src/core/api/contract';
import type { RunSummary } from '../../../src/core/api/run-history';
import { record, summary } from './fixtures';

const { call, listeners, downloads, getDataURL } = vi.hoisted(() => ({
  call: vi.fn(),
  getDataURL: vi.fn((_options: unknown) => 'data:image/png;base64,iVBORw0KGgo='),
  listeners: [] as Array<(event: ApiEvent) => void>,
  downloads: [] as Array<{ file: { fileName: string; data: string }; type: string }>,
}));
vi.mock('../../../src/renderer/src/api/client', () => ({
  api: { call, onEvent: (listener: (event: ApiEvent) => void) => (listeners.push(listener), () => undefined) },
  messageOf: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}));
vi.mock('../../../src/renderer/src/shared/download', () => ({
  downloadFile: (file: { fileName: string; data: string }, type: string) => downloads.push({ file, type }),
}));
// echarts needs a real canvas; the stub keeps the option last set (the charts update manually) and how, and exposes a
// mocked getDataURL.
vi.mock('vue-echarts', () => ({
  default: defineComponent({
    name: 'VChart',
    setup: (_props, { expose }) => {
      const option = shallowRef<unknown>(null);
      const updateOptions = shallowRef<unknown>(null);
      expose({ getDataURL, option, updateOptions, setOption: (next: unknown, how: unknown) => ([option.value, updateOptions.value] = [next, how]) });
      return () => h('div', { class: 'chart-stub' });
    },
  }),
}));

import RunsPage from '../../../src/renderer/src/runs/RunsPage.vue';
import { CHART_INTERVAL_MS } from '../../../src/renderer/src/train/useLiveChart';
import { useModelsStore } from '../../../src/renderer/src/stores/models';
import { useNavigationStore } from '../../../src/renderer/src/stores/navigation';

const zeros = (count: number): string => bytesToBase64(new Uint8Array(4 * count));

let runs: RunSummary[];
let wrapper: VueWrapper;

/** Lets the replies arrive and the charts redraw (each at most once per CHART_INTERVAL_MS). */
async function settle(): Promise<void> {
  await flushPromises();
  vi.advanceTimersByTime(CHART_INTERVAL_MS);
  await flushPromises();
}

async function mountPage(): Promise<VueWrapper> {
  wrapper = mount(RunsPage, { attachTo: document.body });
  await settle();
  return wrapper;
}

const rowIds = (page: VueWrapper): string[] => page.findAll('[data-testid="run-row"]').map((r) => r.attributes('data-run-id')!);
const row = (page: VueWrapper, id: string) => page.get(`[data-testid="run-row"][data-run-id="${id}"]`);
async function tick(page: VueWrapper, id: string): Promise<void> {
  await row(page, id).get('[data-testid="run-select"]').setValue(true);
  await settle();
}
type Series = { name: string; color: string; lineStyle: { type: string }; data: Array<[number, number | null]> };
const chartOf = (page: VueWrapper, metric: 'loss' | 'accuracy') =>
  page.get(`[data-testid="runs-${metric}-chart"]`).findComponent({ name: 'VChart' }).vm as unknown as { option: { series: Series[] }; updateOptions: unknown };
const chartSeries = (page: VueWrapper, metric: 'loss' | 'accuracy'): Series[] => chartOf(page, metric).option.series;

beforeEach(() => {
  // Only the timers: flushPromises waits on setImmediate.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  setActivePinia(createPinia());
  call.mockReset();
  listeners.length = 0;
  downloads.length = 0;
  getDataURL.mockClear();
  runs = [summary(3), summary(2, { testAccuracy: null, status: 'stopped' }), summary(1)];
  call.mockImplementation(async (method: string, request: { id?: string }) => {
    if (method === 'listRuns') return runs;
    if (method === 'getRun') return record(runs.find((r) => r.id === request.id)!);
    if (method === 'exportRun') return { fileName: `${request.id}.csv`, data: btoa('epoch,accuracy,loss,val_accuracy,val_loss\n') };
    if (method === 'deleteRun') {
      runs = runs.filter((r) => r.id !== request.id);
      return { deleted: true };
    }
    if (method === 'getModel') return { id: request.id, layers: runLayers({ hiddenUnits: [], activation: 'relu' }), weights: [{ kernel: zeros(7840), bias: zeros(10) }] };
    throw new Error(`unexpected ${method}`);
  });
});
afterEach(() => {
  wrapper?.unmount();
  vi.useRealTimers();
});

describe('RunsPage', () => {
  it('lists the runs newest first with their settings and scores', async () => {
    const page = await mountPage();
    expect(rowIds(page)).toEqual(['run-3', 'run-2', 'run-1']);
    const cells = row(page, 'run-2').findAll('td').map((td) => td.text());
    expect(cells).toContain('0.002');
    expect(cells).toContain('2 / 2');
    expect(cells).toContain('92.00 % (epoch 2)');
    expect(cells).toContain('—');
    expect(cells).toContain('stopped');
    expect(cells).toContain('engine');
  });

  it('sorts by the clicked column, reverses on a second click, and keeps runs without a score last', async () => {
    const page = await mountPage();
    await page.get('[data-testid="sort-learningRate"]').trigger('click');
    expect(rowIds(page)).toEqual(['run-3', 'run-2', 'run-1']);
    await page.get('[data-testid="sort-learningRate"]').trigger('click');
    expect(rowIds(page)).toEqual(['run-1', 'run-2', 'run-3']);
    expect(page.get('[data-testid="sort-learningRate"]').element.parentElement!.getAttribute('aria-sort')).toBe('ascending');

    await page.get('[data-testid="sort-testAccuracy"]').trigger('click');
    expect(rowIds(page)).toEqual(['run-3', 'run-1', 'run-2']);
    await page.get('[data-testid="sort-testAccuracy"]').trigger('click');
    expect(rowIds(page)).toEqual(['run-1', 'run-3', 'run-2']);

    await page.get('[data-testid="sort-status"]').trigger('click');
    expect(rowIds(page)[0]).toBe('run-3');
    expect(rowIds(page).at(-1)).toBe('run-2');
  });

  it('overlays the chosen runs: per run one colour, training solid and validation dashed, in both charts', async () => {
    const page = await mountPage();
    expect(page.find('[data-testid="runs-loss-chart"]').exists()).toBe(false);
    await tick(page, 'run-1');
    await tick(page, 'run-3');
    expect(call).toHaveBeenCalledWith('getRun', { id: 'run-1' });
    for (const metric of ['loss', 'accuracy'] as const) {
      expect(page.get(`[data-testid="runs-${metric}-chart"]`).attributes('data-series')).toBe('4');
      const series = chartSeries(page, metric);
      expect(series.map((s) => s.lineStyle.type)).toEqual(['solid', 'dashed', 'solid', 'dashed']);
      expect(series[0].color).toBe(series[1].color);
      expect(series[0].color).not.toBe(series[2].color);
      expect(series.map((s) => s.name)).toEqual(['lr 0.001', 'lr 0.001', 'lr 0.003', 'lr 0.003']);
    }
    expect(chartSeries(page, 'loss')[1].data).toEqual([[1, 1.1], [2, 0.55]]);

    await tick(page, 'run-3');
    await row(page, 'run-3').get('[data-testid="run-select"]').setValue(false);
    await settle();
    expect(page.get('[data-testid="runs-accuracy-chart"]').attributes('data-series')).toBe('2');
  });

  it('switches between per-epoch and per-batch curves: per batch one line per run against the step', async () => {
    const page = await mountPage();
    await tick(page, 'run-1');
    await tick(page, 'run-3');
    const toggle = page.get('[data-testid="runs-view-toggle"]');
    const pressed = () => toggle.findAll('button').filter((b) => b.attributes('aria-pressed') === 'true').map((b) => b.attributes('data-view'));
    expect(pressed()).toEqual(['epoch']);

    await toggle.get('[data-view="batch"]').trigger('click');
    await settle();
    expect(pressed()).toEqual(['batch']);
    for (const metric of ['loss', 'accuracy'] as const) {
      expect(page.get(`[data-testid="runs-${metric}-chart"]`).attributes('data-series')).toBe('2');
      const series = chartSeries(page, metric);
      expect(series.map((s) => s.name)).toEqual(['lr 0.001', 'lr 0.003']);
      expect(series[0].color).not.toBe(series[1].color);
    }
    expect(chartSeries(page, 'loss')[0].data.map(([step]) => step)).toEqual([10, 20, 30, 40]);
    expect(chartSeries(page, 'accuracy')[1].data[0]).toEqual([10, 0.5]);

    await toggle.get('[data-view="epoch"]').trigger('click');
    await settle();
    expect(pressed()).toEqual(['epoch']);
    expect(page.get('[data-testid="runs-loss-chart"]').attributes('data-series')).toBe('4');
  });

  it('saves each chart as a PNG download', async () => {
    const page = await mountPage();
    await tick(page, 'run-1');
    await tick(page, 'run-2');
    const buttons = page.findAll('[data-testid="save-png-button"]');
    expect(buttons.map((b) => b.attributes('data-chart'))).toEqual(['loss', 'accuracy']);
    for (const button of buttons) await button.trigger('click');
    expect(getDataURL).toHaveBeenCalledWith({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    expect(downloads).toEqual([
      { file: { fileName: 'runs-loss.png', data: 'iVBORw0KGgo=' }, type: 'image/png' },
      { file: { fileName: 'runs-accuracy.png', data: 'iVBORw0KGgo=' }, type: 'image/png' },
    ]);
    expect(downloads.every((d) => d.file.fileName.endsWith('.png'))).toBe(true);
  });

  it('compares at most 6 runs: the other boxes are disabled until one is unticked', async () => {
    runs = Array.from({ length: 7 }, (_, i) => summary(7 - i));
    const page = await mountPage();
    for (let n = 1; n <= 6; n++) await tick(page, `run-${n}`);
    expect(page.get('[data-testid="runs-loss-chart"]').attributes('data-series')).toBe('12');
    const seventh = row(page, 'run-7').get<HTMLInputElement>('[data-testid="run-select"]');
    expect(seventh.element.disabled).toBe(true);
    expect(page.get('[data-testid="runs-hint"]').text()).toContain('6 chosen, the most at once');

    await row(page, 'run-1').get('[data-testid="run-select"]').setValue(false);
    await settle();
    expect(seventh.element.disabled).toBe(false);
    await tick(page, 'run-7');
    expect(page.get('[data-testid="runs-loss-chart"]').attributes('data-series')).toBe('12');
  });

  it('exports a run as CSV and as JSON through a download', async () => {
    const page = await mountPage();
    await row(page, 'run-2').get('[data-testid="export-csv-button"]').trigger('click');
    await settle();
    expect(call).toHaveBeenCalledWith('exportRun', { id: 'run-2', format: 'csv' });
    expect(downloads).toEqual([{ file: { fileName: 'run-2.csv', data: btoa('epoch,accuracy,loss,val_accuracy,val_loss\n') }, type: 'text/csv' }]);

    await row(page, 'run-1').get('[data-testid="export-json-button"]').trigger('click');
    await settle();
    expect(call).toHaveBeenCalledWith('exportRun', { id: 'run-1', format: 'json' });
    expect(downloads[1].type).toBe('application/json');
  });

  it('shows a failed export as a readable message in that row', async () => {
    call.mockImplementation(async (method: string) => {
      if (method === 'listRuns') return runs;
      throw new Error('run-2 is no longer in the history');
    });
    const page = await mountPage();
    await row(page, 'run-2').get('[data-testid="export-json-button"]').trigger('click');
    await settle();
    expect(row(page, 'run-2').get('[role="alert"]').text()).toBe('run-2 is no longer in the history');
    expect(downloads).toHaveLength(0);
  });

  it('deletes a run only after the confirm step, and takes it out of the comparison', async () => {
    const page = await mountPage();
    await tick(page, 'run-1');
    await row(page, 'run-1').get('[data-testid="delete-run-button"]').trigger('click');
    expect(call).not.toHaveBeenCalledWith('deleteRun', expect.anything());
    await row(page, 'run-1').get('[data-testid="confirm-delete-run"]').trigger('click');
    await settle();
    expect(call).toHaveBeenCalledWith('deleteRun', { id: 'run-1' });
    expect(rowIds(page)).toEqual(['run-3', 'run-2']);
    expect(page.find('[data-testid="runs-loss-chart"]').exists()).toBe(false);
  });

  it('follows runs-changed: new runs appear and a chosen run gains its new epochs', async () => {
    const page = await mountPage();
    await tick(page, 'run-3');
    expect(chartSeries(page, 'loss')[0].data).toHaveLength(2);
    runs = [summary(4, { status: 'running', epochsCompleted: 1 }), { ...runs[0], epochsCompleted: 3, epochsPlanned: 3 }, ...runs.slice(1)];
    for (const listener of listeners) listener({ type: 'runs-changed' });
    await settle();
    expect(rowIds(page)).toEqual(['run-4', 'run-3', 'run-2', 'run-1']);
    expect(chartSeries(page, 'loss')[0].data).toHaveLength(3);
    expect(row(page, 'run-4').get('[data-testid="delete-run-button"]').attributes('disabled')).toBeDefined();
  });

  it('reads again on runs-changed only the chosen runs whose row changed, and redraws replacing the series', async () => {
    const page = await mountPage();
    await tick(page, 'run-3');
    await tick(page, 'run-1');
    call.mockClear();
    runs = [{ ...runs[0], epochsCompleted: 3, epochsPlanned: 3 }, ...runs.slice(1)];
    for (const listener of listeners) listener({ type: 'runs-changed' });
    await settle();
    expect(call.mock.calls.filter(([method]) => method === 'getRun')).toEqual([['getRun', { id: 'run-3' }]]);
    expect(chartSeries(page, 'loss')[0].data).toHaveLength(3);
    expect(chartOf(page, 'loss').updateOptions).toEqual({ notMerge: true });
  });

  it('does not redraw its charts while hidden (the app keeps pages alive) and catches up when shown', async () => {
    const shown = ref(true);
    wrapper = mount(KeepAlive, { slots: { default: () => (shown.value ? h(RunsPage) : h('p', 'another page')) }, attachTo: document.body });
    await settle();
    await tick(wrapper, 'run-3');
    const chart = chartOf(wrapper, 'loss');
    shown.value = false;
    await settle();
    runs = [{ ...runs[0], epochsCompleted: 3, epochsPlanned: 3 }, ...runs.slice(1)];
    for (const listener of listeners) listener({ type: 'runs-changed' });
    await settle();
    expect(chart.option.series[0].data).toHaveLength(2);
    shown.value = true;
    await settle();
    expect(chart.option.series[0].data).toHaveLength(3);
  });

  it("opens a run's model on the Draw page", async () => {
    const page = await mountPage();
    expect(row(page, 'run-1').find('[data-testid="open-run-model"]').exists()).toBe(true);
    await row(page, 'run-1').get('[data-testid="open-run-model"]').trigger('click');
    await settle();
    expect(call).toHaveBeenCalledWith('getModel', { id: 'model-1' });
    expect(useModelsStore().selectedId).toBe('model-1');
    expect(useNavigationStore().current).toBe('draw');
  });

  it('says so when there are no runs yet', async () => {
    runs = [];
    const page = await mountPage();
    expect(page.find('[data-testid="runs-table"]').exists()).toBe(false);
    expect(page.text()).toContain('No runs yet');
  });
});
