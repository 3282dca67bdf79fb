// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import type { EvaluationResult, ModelEntry } from '../../../src/core/api/contract';

const { call } = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../../../src/renderer/src/api/client', () => ({
  api: { call, onEvent: () => () => undefined },
  messageOf: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}));
// echarts needs a real canvas; the stub keeps the option the page hands to the chart.
vi.mock('vue-echarts', () => ({
  default: defineComponent({ name: 'VChart', props: { option: { type: Object, required: true } }, setup: () => () => h('div', { class: 'chart-stub' }) }),
}));

import EvaluatePage from '../../../src/renderer/src/evaluate/EvaluatePage.vue';
import { useModelsStore } from '../../../src/renderer/src/stores/models';
import { MLP_FACTS } from '../../helpers/model-facts';

const model: ModelEntry = {
  id: 'bundled-digit-mlp', name: 'Digit MLP', source: 'bundled', createdAt: '', testAccuracy: 0.9767,
  ...MLP_FACTS, config: null, backend: null, path: '/models/digit-mlp.json',
};

function evaluation(misclassifiedCount: number): EvaluationResult {
  const confusion = Array.from({ length: 10 }, (_, t) => Array.from({ length: 10 }, (_, p) => (t === p ? 970 + t : (t * 10 + p) % 4)));
  confusion[3][5] = 17;
  const misclassified = Array.from({ length: misclassifiedCount }, (_, i) => ({
    index: 100 + i, label: 3, predicted: 5,
    probabilities: [0.01, 0.01, 0.01, 0.3, 0.01, 0.6, 0.01, 0.03, 0.01, 0.01],
  }));
  return { id: model.id, loss: 0.0812, accuracy: 0.9767, confusion, perDigit: confusion.map((row, d) => row[d] / row.reduce((a, b) => a + b, 0)), misclassified };
}

function answer(result: EvaluationResult): void {
  call.mockImplementation(async (method: string, request: { indices?: number[] }) => {
    if (method === 'evaluateModel') return result;
    if (method === 'getTestImages') return { images: request.indices!.map((index) => ({ index, label: 3, pixels: btoa('\0'.repeat(784)) })) };
    throw new Error(`unexpected ${method}`);
  });
}

let wrapper: VueWrapper;
function mountPage(): VueWrapper {
  setActivePinia(createPinia());
  const models = useModelsStore();
  models.models = [model];
  models.selectedId = model.id;
  wrapper = mount(EvaluatePage, { attachTo: document.body });
  return wrapper;
}

beforeEach(() => {
  call.mockReset();
});
afterEach(() => wrapper?.unmount());

describe('EvaluatePage', () => {
  it('evaluates the selected model on its first visit, showing progress until the result arrives', async () => {
    let resolve!: (r: EvaluationResult) => void;
    call.mockImplementation((method: string) => (method === 'evaluateModel' ? new Promise((r) => (resolve = r)) : Promise.resolve({ images: [] })));
    const page = mountPage();
    expect(call).toHaveBeenCalledWith('evaluateModel', { id: model.id });
    expect(page.get('[data-testid="evaluate-progress"]').text()).toContain('Evaluating Digit MLP');
    resolve(evaluation(0));
    await flushPromises();
    expect(page.find('[data-testid="evaluate-progress"]').exists()).toBe(false);
    expect(page.get('[data-testid="eval-accuracy"]').text()).toBe('97.67 %');
    expect(page.get('[data-testid="eval-loss"]').text()).toBe('0.0812');
  });

  it('hands the heatmap all 100 cells of the confusion matrix: predicted on x, true on y, the count', async () => {
    const result = evaluation(0);
    answer(result);
    const page = mountPage();
    await flushPromises();
    const option = page.getComponent({ name: 'VChart' }).props('option') as { series: Array<{ data: number[][] }> };
    const cells = option.series[0].data;
    expect(cells).toHaveLength(100);
    expect(cells).toContainEqual(expect.arrayContaining([5, 3, 17]));
    for (const [predicted, truth, count] of cells) expect(count).toBe(result.confusion[truth][predicted]);
  });

  it('shows the per-digit accuracy of every digit', async () => {
    answer(evaluation(0));
    const page = mountPage();
    await flushPromises();
    const rows = page.findAll('tbody tr');
    expect(rows).toHaveLength(10);
    // digit 3: 973 right, 17 taken for a 5 and 13 other mistakes
    expect(rows[3].find('th').text()).toBe('3');
    expect(rows[3].findAll('td').map((td) => td.text())).toEqual(['97.01 %', `973 / ${(1003).toLocaleString()}`]);
  });

  it('opens a misclassified image with its true and predicted label and closes it with Escape', async () => {
    answer(evaluation(3));
    const page = mountPage();
    await flushPromises();
    const thumbs = page.findAll('[data-testid="misclassified-thumb"]');
    expect(thumbs).toHaveLength(3);
    await thumbs[1].trigger('click');
    const detail = page.get('[data-testid="misclassified-detail"]');
    expect(detail.text()).toContain('Test image #101');
    expect(detail.get('[data-testid="detail-true"]').text()).toBe('3');
    expect(detail.get('[data-testid="detail-predicted"]').text()).toBe('5');
    expect(detail.findAll('.probabilities li').map((li) => li.text())[5]).toMatch(/60\.0 %/);
    expect(document.activeElement?.textContent).toContain('Close');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await flushPromises();
    expect(page.find('[data-testid="misclassified-detail"]').exists()).toBe(false);
    expect(document.activeElement).toBe(thumbs[1].element);
  });

  it('loads misclassified images in pages of at most 100', async () => {
    answer(evaluation(150));
    const page = mountPage();
    await flushPromises();
    const imageCalls = () => call.mock.calls.filter(([method]) => method === 'getTestImages').map(([, r]) => (r as { indices: number[] }).indices.length);
    expect(imageCalls()).toEqual([100]);
    expect(page.findAll('[data-testid="misclassified-thumb"]')).toHaveLength(100);
    await page.findAll('button').find((b) => b.text() === 'Show 50 more')!.trigger('click');
    await flushPromises();
    expect(imageCalls()).toEqual([100, 50]);
    expect(page.findAll('[data-testid="misclassified-thumb"]')).toHaveLength(150);
  });

  it('shows the backend refusal as a readable message', async () => {
    call.mockRejectedValue(new Error('model bundled-digit-mlp does not exist'));
    const page = mountPage();
    await flushPromises();
    expect(page.get('[role="alert"]').text()).toBe('model bundled-digit-mlp does not exist');
  });
});
