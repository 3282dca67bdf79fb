// @vitest-environment happy-dom
/**
 * The Network page's weights over the run's epochs: the chosen model's run is found by its model id, each layer gets
 * its weights and biases charted from the recorded statistics (bands as a base plus the band's height, the median,
 * min and max), the view follows the run when it grows, and models without a run or without recorded statistics say so.
 */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import type { ApiEvent } from '../../../src/core/api/contract';
import type { RunRecord, WeightStatsRow } from '../../../src/core/api/run-history';
import { record, summary } from '../runs/fixtures';

const { call, listeners } = vi.hoisted(() => ({ call: vi.fn(), listeners: new Set<(event: ApiEvent) => void>() }));
vi.mock('../../../src/renderer/src/api/client', () => ({
  api: { call, onEvent: (listener: (event: ApiEvent) => void) => (listeners.add(listener), () => listeners.delete(listener)) },
  messageOf: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}));
// echarts needs a real canvas; the stub keeps the option it was given.
vi.mock('vue-echarts', () => ({
  default: defineComponent({ name: 'VChart', props: { option: { type: Object, default: null } }, setup: () => () => h('div', { class: 'chart-stub' }) }),
}));

import WeightsOverEpochs from '../../../src/renderer/src/network/WeightsOverEpochs.vue';

/** Epoch e: the kernel's nine numbers are min −e−1, p5 −e, p25 −1, median 0, p75 1, p95 e, max e+1, mean 0, std e. */
const statsRow = (epoch: number): WeightStatsRow => ({
  epoch,
  layers: [
    { name: 'dense', kernel: [-epoch - 1, -epoch, -1, 0, 1, epoch, epoch + 1, 0, epoch], bias: [0, 0, 0, 0.1 * epoch, 0, 0, 0, 0, 0] },
    { name: 'dense_1', kernel: [-2, -1, -0.5, 0.25, 0.5, 1, 2, 0, 1], bias: null },
  ],
});

let runs: RunRecord[];
let wrapper: VueWrapper;

beforeEach(() => {
  setActivePinia(createPinia());
  // Every chart counts as seen (frames.ts useSeen makes it in its own frame without an observer).
  vi.stubGlobal('IntersectionObserver', undefined);
  listeners.clear();
  const mine = summary(1, { modelId: 'mine' });
  runs = [{ ...record(mine), weights: [0, 1, 2].map(statsRow) }, record(summary(2, { modelId: 'old' }))];
  call.mockReset();
  call.mockImplementation(async (method: string, request: { id?: string }) => {
    if (method === 'listRuns') return runs.map((run) => summary(Number(run.id.slice(4)), { modelId: run.modelId, epochsCompleted: run.history.length }));
    if (method === 'getRun') return runs.find((run) => run.id === request.id);
    throw new Error(`unexpected ${method}`);
  });
});
afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

async function mountFor(modelId: string): Promise<VueWrapper> {
  wrapper = mount(WeightsOverEpochs, { props: { modelId } });
  await flushPromises();
  // Each chart is made in an animation frame of its own.
  for (let frame = 0; frame < 10; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  return wrapper;
}

type Series = { name: string; data: number[]; stack?: string; stackStrategy?: string };
const seriesOf = (page: VueWrapper, layer: string, part: string): Series[] =>
  page.get(`[data-layer="${layer}"] [data-testid="${part}-over-epochs"]`).findComponent({ name: 'VChart' }).props('option').series as Series[];

describe('weights over the run’s epochs on the Network page', () => {
  it('charts each layer’s recorded distribution per epoch from the run that trained the model', async () => {
    const page = await mountFor('mine');
    expect(page.get('[data-testid="weights-over-epochs"]').attributes('data-run')).toBe('run-1');
    expect(page.findAll('[data-testid="layer-over-epochs"]').map((f) => f.attributes('data-layer'))).toEqual(['dense', 'dense_1']);
    expect(page.get('[data-layer="dense"] [data-testid="kernel-over-epochs"]').attributes('data-epochs')).toBe('3');

    const kernel = Object.fromEntries(seriesOf(page, 'dense', 'kernel').map((s) => [s.name, s]));
    // The 5–95 % band: base p5 = −e, height p95 − p5 = 2e, stacked whatever the signs.
    expect(kernel['5–95 % base'].data).toEqual([-0, -1, -2]);
    expect(kernel['5–95 %']).toMatchObject({ data: [0, 2, 4], stack: '5–95 %', stackStrategy: 'all' });
    expect(kernel['25–75 % base'].data).toEqual([-1, -1, -1]);
    expect(kernel['25–75 %'].data).toEqual([2, 2, 2]);
    expect(kernel.median.data).toEqual([0, 0, 0]);
    expect(kernel.min.data).toEqual([-1, -2, -3]);
    expect(kernel.max.data).toEqual([1, 2, 3]);
    const bias = Object.fromEntries(seriesOf(page, 'dense', 'bias').map((s) => [s.name, s]));
    expect(bias.median.data).toEqual([0, 0.1, 0.2]);
    expect(page.get('[data-layer="dense_1"] [data-testid="bias-over-epochs"]').text()).toBe('no bias');
  });

  it('follows the run when it grows by an epoch', async () => {
    const page = await mountFor('mine');
    runs[0] = { ...runs[0], history: [...runs[0].history, { ...runs[0].history[0], epoch: 3 }], weights: [0, 1, 2, 3].map(statsRow) };
    for (const listener of listeners) listener({ type: 'runs-changed' });
    await flushPromises();
    expect(page.get('[data-layer="dense"] [data-testid="kernel-over-epochs"]').attributes('data-epochs')).toBe('4');
  });

  it('says so for a model without a run, and for a run recorded before the statistics were kept', async () => {
    expect((await mountFor('bundled-digit-mlp')).text()).toContain('This model has no training run here');
    wrapper.unmount();
    const page = await mountFor('old');
    expect(page.get('[data-testid="weights-over-epochs"]').attributes('data-run')).toBe('run-2');
    expect(page.text()).toContain('recorded before Digit Studio kept the weights at each epoch');
    expect(page.findAll('[data-testid="layer-over-epochs"]')).toHaveLength(0);
  });
});
