// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { batch, epoch, start } from './events';

vi.mock('../../../src/renderer/src/api/client', () => ({
  api: { call: vi.fn(), onEvent: () => () => undefined },
  messageOf: String,
}));
// echarts needs a real canvas; the stub records what the component hands to setOption.
const { drawn } = vi.hoisted(() => ({ drawn: [] as Array<Record<string, unknown>> }));
vi.mock('vue-echarts', () => ({
  default: defineComponent({
    name: 'VChart',
    setup(_, { expose }) {
      expose({ setOption: (option: Record<string, unknown>) => drawn.push(option) });
      return () => h('div', { class: 'chart-stub' });
    },
  }),
}));

import BatchChart from '../../../src/renderer/src/train/BatchChart.vue';
import EpochChart from '../../../src/renderer/src/train/EpochChart.vue';
import { useTrainingStore } from '../../../src/renderer/src/stores/training';

type Series = { name: string; data: Array<[number, number | null]>; markLine?: { data: Array<{ xAxis: number }> } };
const lastSeries = (): Series[] => drawn.at(-1)!.series as Series[];

beforeEach(() => {
  vi.useFakeTimers();
  setActivePinia(createPinia());
  drawn.length = 0;
});
afterEach(() => vi.useRealTimers());

describe('batch chart', () => {
  it('gains points as batches arrive, redrawing at most 4 times a second', async () => {
    const store = useTrainingStore();
    const wrapper = mount(BatchChart);
    const container = wrapper.get('[data-testid="batch-chart"]');
    expect(container.attributes('data-points')).toBe('0');

    store.apply(start());
    for (let n = 1; n <= 10; n++) store.apply(batch(1, n));
    store.apply(batch(2, 5));
    await vi.advanceTimersByTimeAsync(300);
    expect(container.attributes('data-points')).toBe('11');
    // One draw on mount, one for the whole burst.
    expect(drawn).toHaveLength(2);

    const [loss, accuracy] = lastSeries();
    expect(loss.name).toBe('loss');
    expect(accuracy.name).toBe('accuracy');
    // x is the fraction of epochs done: halfway through epoch 2 is 1.5.
    expect(loss.data.at(-1)).toEqual([1.5, batch(2, 5).loss]);
    expect(accuracy.data[9]).toEqual([1, batch(1, 10).accuracy]);
    expect(drawn.at(-1)!.animation).toBe(false);

    store.apply(batch(2, 6));
    await vi.advanceTimersByTimeAsync(300);
    expect(container.attributes('data-points')).toBe('12');

    // A steady stream of 20 events a second for 2 s: at most 4 redraws a second.
    const before = drawn.length;
    for (let i = 0; i < 40; i++) {
      store.apply(batch(3, (i % 10) + 1));
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(300);
    expect(drawn.length - before).toBeLessThanOrEqual(9);
    expect(container.attributes('data-points')).toBe('52');
  });

  it('draws a long run from a bounded number of points, ending at the latest batch', async () => {
    const store = useTrainingStore();
    const wrapper = mount(BatchChart);
    store.apply(start());
    for (let e = 1; e <= 500; e++) for (let n = 1; n <= 10; n++) store.apply(batch(e, n));
    await vi.advanceTimersByTimeAsync(300);
    expect(wrapper.get('[data-testid="batch-chart"]').attributes('data-points')).toBe('5000');
    const [loss] = lastSeries();
    expect(loss.data.length).toBeLessThanOrEqual(601);
    expect(loss.data.at(-1)).toEqual([500, batch(500, 10).loss]);
  });
});

describe('epoch chart', () => {
  it('plots loss vs val_loss and accuracy vs val_accuracy and marks the best epoch', async () => {
    const store = useTrainingStore();
    const wrapper = mount(EpochChart);
    const container = wrapper.get('[data-testid="epoch-chart"]');

    store.apply(start());
    store.apply(epoch(1, 0.3));
    await vi.advanceTimersByTimeAsync(300);
    expect(container.attributes('data-points')).toBe('1');

    store.apply(epoch(2, 0.2));
    store.apply(epoch(3, 0.25));
    await vi.advanceTimersByTimeAsync(300);
    expect(container.attributes('data-points')).toBe('3');
    expect(container.text()).toContain('best epoch 2');

    const series = lastSeries();
    expect(series.map((s) => s.name)).toEqual(['loss', 'val_loss', 'accuracy', 'val_accuracy']);
    expect(series[1].data).toEqual([[1, 0.3], [2, 0.2], [3, 0.25]]);
    expect(series[1].markLine?.data).toEqual([{ xAxis: 2 }]);
    expect(series[3].markLine?.data).toEqual([{ xAxis: 2 }]);

    // A new run starts empty, without the old mark.
    store.apply(start());
    await vi.advanceTimersByTimeAsync(300);
    expect(container.attributes('data-points')).toBe('0');
    expect(lastSeries()[1].markLine?.data).toEqual([]);
  });
});
