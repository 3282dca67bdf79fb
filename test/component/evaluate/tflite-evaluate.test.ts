// @vitest-environment happy-dom
/** The Evaluate page with a .tflite file opened on it (picked or dropped): evaluated through evaluateTfliteFile. */
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
vi.mock('vue-echarts', () => ({ default: defineComponent({ name: 'VChart', props: { option: { type: Object, required: true } }, setup: () => () => h('div') }) }));

import EvaluatePage from '../../../src/renderer/src/evaluate/EvaluatePage.vue';
import ModelsPage from '../../../src/renderer/src/models/ModelsPage.vue';
import { useModelsStore } from '../../../src/renderer/src/stores/models';
import { useNavigationStore } from '../../../src/renderer/src/stores/navigation';
import { MLP_FACTS } from '../../helpers/model-facts';

const model: ModelEntry = {
  id: 'bundled-digit-mlp', name: 'Digit MLP', source: 'bundled', createdAt: '', testAccuracy: 0.9767,
  ...MLP_FACTS, config: null, backend: null, path: '/models/digit-mlp.json',
};

function result(id: string, accuracy: number, tflite?: { runtime: string; input: string }): EvaluationResult {
  const confusion = Array.from({ length: 10 }, (_, t) => Array.from({ length: 10 }, (_, p) => (t === p ? 1000 : 0)));
  return { id, loss: 0.1, accuracy, confusion, perDigit: Array(10).fill(1), misclassified: [], ...tflite };
}

const FILE_BYTES = new Uint8Array([0x1c, 0, 0, 0, 0x54, 0x46, 0x4c, 0x33]);
const tflite = new File([FILE_BYTES], 'phone-model.tflite');

let wrapper: VueWrapper;
beforeEach(() => {
  call.mockReset();
  call.mockImplementation(async (method: string, request: { id?: string; fileName?: string }) => {
    if (method === 'evaluateModel') return result(request.id!, 0.9767);
    if (method === 'evaluateTfliteFile') return result(request.fileName!, 0.9851, { runtime: 'LiteRT.js 2.5.3', input: 'uint8 [1,28,28,3], R=G=B, raw pixels 0–255' });
    throw new Error(`unexpected ${method}`);
  });
  setActivePinia(createPinia());
  const models = useModelsStore();
  models.models = [model];
  models.selectedId = model.id;
  models.select = vi.fn(async (id: string) => void (models.selectedId = id));
  wrapper = mount(EvaluatePage, { attachTo: document.body });
});
afterEach(() => wrapper.unmount());

async function open(file: File, testId = 'evaluate-tflite-input'): Promise<void> {
  const input = wrapper.get(`[data-testid="${testId}"]`);
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
  await input.trigger('change');
  await flushPromises();
}

describe('Evaluate page: a .tflite file', () => {
  it('sends the picked file’s bytes and shows its result with the runtime and input form', async () => {
    await flushPromises();
    await open(tflite);
    expect(call).toHaveBeenCalledWith('evaluateTfliteFile', { fileName: 'phone-model.tflite', data: Buffer.from(FILE_BYTES).toString('base64') });
    expect(wrapper.get('[data-testid="eval-accuracy"]').text()).toBe('98.51 %');
    expect(wrapper.get('[data-testid="eval-tflite-input"]').text()).toBe('Ran in LiteRT.js 2.5.3 · input uint8 [1,28,28,3], R=G=B, raw pixels 0–255');
    expect((wrapper.get('[data-testid="evaluate-model-select"]').element as HTMLSelectElement).selectedOptions[0].text.trim()).toBe('phone-model.tflite (TensorFlow Lite file)');
  });

  it('goes back to the library model chosen in the list, with its own result', async () => {
    await flushPromises();
    await open(tflite);
    await wrapper.get('[data-testid="evaluate-model-select"]').setValue(model.id);
    await flushPromises();
    expect(wrapper.get('[data-testid="eval-accuracy"]').text()).toBe('97.67 %');
    expect(wrapper.find('[data-testid="eval-tflite-input"]').exists()).toBe(false);
  });

  it('evaluates a file dropped on the page', async () => {
    await flushPromises();
    await wrapper.get('.evaluate').trigger('drop', { dataTransfer: { files: [tflite] } });
    await flushPromises();
    expect(call).toHaveBeenCalledWith('evaluateTfliteFile', expect.objectContaining({ fileName: 'phone-model.tflite' }));
    expect(wrapper.get('[data-testid="eval-accuracy"]').text()).toBe('98.51 %');
  });

  it('is sent to the Evaluate page when opened on the Models page, instead of being imported', async () => {
    wrapper.unmount();
    wrapper = mount(ModelsPage, { attachTo: document.body });
    await open(tflite, 'open-model-input');
    expect(useNavigationStore().current).toBe('evaluate');
    expect(call).toHaveBeenCalledWith('evaluateTfliteFile', expect.objectContaining({ fileName: 'phone-model.tflite' }));
    expect(call).not.toHaveBeenCalledWith('importModel', expect.anything());
  });
});
