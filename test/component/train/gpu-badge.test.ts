// @vitest-environment happy-dom
/** A run on native TensorFlow on the GPU is named as such in the Train page's backend badge and backend choices. */
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKEND_LABELS } from '../../../src/core/api/backends';
import { start } from './events';

vi.mock('../../../src/renderer/src/api/client', () => ({
  api: { call: vi.fn(), onEvent: () => () => undefined },
  messageOf: String,
}));

import { useTrainingStore } from '../../../src/renderer/src/stores/training';
import { settingRows } from '../../../src/renderer/src/train/formRows';
import TrainStats from '../../../src/renderer/src/train/TrainStats.vue';

beforeEach(() => setActivePinia(createPinia()));

describe('GPU backend in the Train page', () => {
  it('shows its label in the badge and offers it as a backend choice', async () => {
    const store = useTrainingStore();
    // What the status reports where tfjs-node-gpu is installed (AppService: availableBackends() with their labels).
    store.backends = (['tensorflow-gpu', 'engine', 'cpu'] as const).map((name) => ({ name, label: BACKEND_LABELS[name] }));
    const wrapper = mount(TrainStats);
    store.apply({ ...start(), backend: 'tensorflow-gpu' });
    await wrapper.vm.$nextTick();
    expect(wrapper.get('[data-testid="backend-badge"]').text()).toBe('native TensorFlow on the GPU (tfjs-node-gpu)');

    const backendField = settingRows(store.backends).flat().find((field) => field.key === 'backend');
    expect(backendField?.choices?.map((choice) => choice.value)).toEqual(['auto', 'tensorflow-gpu', 'engine', 'cpu']);
    expect(backendField?.choices?.[1].label).toBe('native TensorFlow on the GPU (tfjs-node-gpu)');
  });
});
