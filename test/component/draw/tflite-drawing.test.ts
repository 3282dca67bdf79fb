// @vitest-environment happy-dom
/**
 * The Draw page reading with an opened .tflite file (issue 18): the backend answers each drawing later, so the page
 * keeps at most one request in flight, asks only about the newest drawing next, and drops an answer that comes for a
 * drawing that is no longer the newest. The library model's reading stays immediate. The backend is mocked: its
 * answers are one-hot readings the test picks, so what the page shows can be told apart from any other answer.
 */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import type { EvaluationResult, ModelEntry, TfliteDrawingModel } from '../../../src/core/api/contract';
import type * as Preprocess from '../../../src/core/preprocess';
import { bundledPredictor, mnistInput } from './fixtures';

const { call } = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../../../src/renderer/src/api/client', () => ({
  api: { call, onEvent: () => () => undefined },
  messageOf: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}));
vi.mock('vue-echarts', () => ({ default: defineComponent({ name: 'VChart', props: { option: { type: Object, required: true } }, setup: () => () => h('div') }) }));
// Any digit-sized drawing reads as MNIST test image 90 (a 3), as in DrawPage.test.ts.
vi.mock('../../../src/core/preprocess', async (importOriginal) => {
  const { mnistInput: input } = await import('./fixtures');
  return {
    ...(await importOriginal<typeof Preprocess>()),
    strokesToModelInput: (lines: ArrayLike<number>[]) =>
      lines.some((points) => points.length >= 4) ? input(90) : { pixels: new Float32Array(784), empty: true },
  };
});

import DrawPage from '../../../src/renderer/src/draw/DrawPage.vue';
import EvaluatePage from '../../../src/renderer/src/evaluate/EvaluatePage.vue';
import { useEvaluateStore } from '../../../src/renderer/src/stores/evaluate';
import { useModelsStore } from '../../../src/renderer/src/stores/models';
import { useNavigationStore } from '../../../src/renderer/src/stores/navigation';
import { useTfliteDrawingStore } from '../../../src/renderer/src/stores/tfliteDrawing';
import { MLP_FACTS } from '../../helpers/model-facts';
import { drawPageProbe } from './draw-page-probe';

const OPENED: TfliteDrawingModel = { id: 'tflite-1', fileName: 'phone-model.tflite', runtime: 'LiteRT.js 2.5.3', input: 'uint8 [1,28,28,3], R=G=B, raw pixels 0–255' };
const FILE = new File([new Uint8Array([0x1c, 0, 0, 0, 0x54, 0x46, 0x4c, 0x33])], OPENED.fileName);
const library: ModelEntry = {
  id: 'bundled-digit-mlp', name: 'Digit MLP (bundled)', source: 'bundled', createdAt: '', testAccuracy: 0.9767,
  ...MLP_FACTS, config: null, backend: null, path: '/models/digit-mlp.json',
};
const oneHot = (digit: number): number[] => Array.from({ length: 10 }, (_, d) => (d === digit ? 1 : 0));

/** The predictTflite calls made so far, each answered when the test says. */
let asked: Array<{ input: number[]; answer: (digit: number) => void; fail: (message: string) => void }>;
let wrapper: VueWrapper;

beforeEach(() => {
  asked = [];
  window.__digitStudioDrawTiming = [];
  call.mockReset();
  call.mockImplementation((method: string, request: { input: number[] }) => {
    if (method === 'openTfliteForDrawing') return Promise.resolve(OPENED);
    if (method === 'getModel') return new Promise(() => undefined);
    if (method !== 'predictTflite') return Promise.reject(new Error(`unexpected ${method}`));
    return new Promise((resolve, reject) =>
      asked.push({ input: request.input, answer: (digit) => resolve({ probabilities: oneHot(digit) }), fail: (message) => reject(new Error(message)) }),
    );
  });
  setActivePinia(createPinia());
});
afterEach(() => wrapper?.unmount());

async function mountWithTflite(): Promise<void> {
  const models = useModelsStore();
  models.models = [library];
  models.selectedId = library.id;
  models.predictor = bundledPredictor();
  await useTfliteDrawingStore().open(FILE);
  wrapper = mount(DrawPage, { global: { stubs: { DrawCanvas: true } }, attachTo: document.body });
}

const { prediction, shown, drawStroke } = drawPageProbe(() => wrapper);

describe('Draw page with an opened .tflite file', () => {
  it('names the file, its runtime and its input form, and offers it in the model chooser', async () => {
    await mountWithTflite();
    expect(call).toHaveBeenCalledWith('openTfliteForDrawing', { fileName: OPENED.fileName, data: 'HAAAAFRGTDM=' });
    expect(wrapper.get('[data-testid="draw-tflite-model"]').text()).toBe(`${OPENED.fileName} runs in LiteRT.js 2.5.3 · input uint8 [1,28,28,3], R=G=B, raw pixels 0–255`);
    const select = wrapper.get('[data-testid="model-select"]');
    expect(select.findAll('option').map((o) => o.text())).toEqual(['phone-model.tflite (TensorFlow Lite file)', 'Digit MLP (bundled) (97.67%)']);
  });

  it('sends the drawing’s 784 model-input values and shows the answer when it comes', async () => {
    await mountWithTflite();
    await drawStroke();
    expect(asked).toHaveLength(1);
    expect(asked[0].input).toEqual(Array.from(mnistInput(90).pixels));
    // Until the answer comes, nothing is read and no label can be given.
    expect(shown()).toEqual({ digit: '', strokes: '0' });
    expect(wrapper.get('[data-testid="confirm-label"]').attributes('disabled')).toBeDefined();
    expect(window.__digitStudioDrawTiming).toEqual([]); // the stroke's reading is not shown yet
    asked[0].answer(7);
    await flushPromises();
    expect(shown()).toEqual({ digit: '7', strokes: '1' });
    expect(window.__digitStudioDrawTiming).toHaveLength(1); // timed from the stroke's end to its reading shown
    expect(wrapper.get('[data-testid="probabilities"] li.top').attributes('data-digit')).toBe('7');
    expect(wrapper.get('[data-testid="confirm-label"]').text()).toBe('Right, it is a 7');
  });

  it('keeps one request in flight, asks only about the newest drawing next, and drops the stale answer', async () => {
    await mountWithTflite();
    await drawStroke();
    await drawStroke();
    await drawStroke();
    expect(asked).toHaveLength(1); // the second and third drawings wait; the third replaced the second
    asked[0].answer(7);
    await flushPromises();
    expect(shown()).toEqual({ digit: '', strokes: '0' }); // the 1-stroke drawing's answer is not the newest's
    expect(asked).toHaveLength(2);
    asked[1].answer(2);
    await flushPromises();
    expect(shown()).toEqual({ digit: '2', strokes: '3' });
    expect(asked).toHaveLength(2);
  });

  it('drops an answer that comes after the drawing was cleared', async () => {
    await mountWithTflite();
    await drawStroke();
    await wrapper.get('[data-testid="clear-button"]').trigger('click');
    asked[0].answer(7);
    await flushPromises();
    expect(shown()).toEqual({ digit: '', strokes: '0' });
    expect(prediction().text()).toContain('Draw a digit');
  });

  it('switching to the library model reads at once, in the page, and drops the file’s late answer', async () => {
    await mountWithTflite();
    await drawStroke();
    await wrapper.get('[data-testid="model-select"]').setValue(library.id);
    expect(shown()).toEqual({ digit: '3', strokes: '1' }); // the bundled model reads MNIST test image 90 as its label, 3
    asked[0].answer(7);
    await flushPromises();
    expect(shown()).toEqual({ digit: '3', strokes: '1' });
    expect(wrapper.find('[data-testid="draw-tflite-model"]').exists()).toBe(false);
  });

  it('shows the backend’s refusal in one line and leaves the drawing unread', async () => {
    await mountWithTflite();
    await drawStroke();
    asked[0].fail('no .tflite file with that id is open for drawing (opening another one closes it): open the file again');
    await flushPromises();
    expect(shown()).toEqual({ digit: '', strokes: '1' });
    expect(wrapper.get('[role="alert"]').text()).toMatch(/^no \.tflite file with that id is open for drawing/);
  });

  it('a file the backend cannot run is named with its reason, and the library model goes on reading', async () => {
    call.mockImplementation((method: string) =>
      method === 'openTfliteForDrawing' ? Promise.reject(new Error('the model\'s output is float32 [1,5]: a digit classifier gives 10 scores (digits 0–9) per image')) : new Promise(() => undefined),
    );
    await mountWithTflite();
    expect(wrapper.get('[role="alert"]').text()).toBe(`${OPENED.fileName}: the model's output is float32 [1,5]: a digit classifier gives 10 scores (digits 0–9) per image`);
    await drawStroke();
    expect(shown()).toEqual({ digit: '3', strokes: '1' });
  });
});

describe('Evaluate page: "Draw with this model"', () => {
  it('opens the evaluated .tflite file for drawing and goes to the Draw page', async () => {
    const evaluation = useEvaluateStore();
    const result: EvaluationResult = { id: `file:${FILE.name}`, loss: 0.1, accuracy: 0.98, confusion: [], perDigit: [], misclassified: [] };
    evaluation.file = FILE;
    evaluation.results = { [`file:${FILE.name}`]: result };
    wrapper = mount(EvaluatePage, { attachTo: document.body });
    await wrapper.get('[data-testid="evaluate-draw-with-file"]').trigger('click');
    await flushPromises();
    expect(call).toHaveBeenCalledWith('openTfliteForDrawing', { fileName: FILE.name, data: 'HAAAAFRGTDM=' });
    expect(useNavigationStore().current).toBe('draw');
    expect(useTfliteDrawingStore().model).toEqual(OPENED);
    expect(useTfliteDrawingStore().inUse).toBe(true);
  });
});
