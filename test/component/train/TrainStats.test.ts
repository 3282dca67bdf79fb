// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { batch, done, epoch, failed, start } from './events';

vi.mock('../../../src/renderer/src/api/client', () => ({
  api: { call: vi.fn(), onEvent: () => () => undefined },
  messageOf: String,
}));

import { useTrainingStore } from '../../../src/renderer/src/stores/training';
import TrainStats from '../../../src/renderer/src/train/TrainStats.vue';

beforeEach(() => setActivePinia(createPinia()));

describe('training stats', () => {
  it('shows progress while running and the test accuracy when done', async () => {
    const store = useTrainingStore();
    store.backends = [{ name: 'cpu', label: 'TensorFlow.js plain JavaScript' }];
    const wrapper = mount(TrainStats);
    const status = () => wrapper.get('[data-testid="train-status"]');
    expect(status().attributes('data-state')).toBe('idle');

    store.apply(start());
    store.apply(epoch(1, 0.3));
    store.apply(batch(2, 5, 12_000));
    await wrapper.vm.$nextTick();
    expect(status().attributes('data-state')).toBe('running');
    expect(status().text()).toContain('epoch 2 of 4');
    expect(wrapper.text()).toContain('2 / 4');
    expect(wrapper.text()).toContain('≈ 5 s');
    expect(wrapper.text()).toContain((12_000).toLocaleString());
    expect(wrapper.get('[data-testid="backend-badge"]').text()).toBe('TensorFlow.js plain JavaScript');

    store.apply(done());
    await wrapper.vm.$nextTick();
    expect(status().attributes('data-state')).toBe('done');
    expect(wrapper.get('[data-testid="test-accuracy"]').text()).toBe('97.56 %');
  });

  it('shows the failure message', async () => {
    const store = useTrainingStore();
    const wrapper = mount(TrainStats);
    store.apply(start());
    store.apply(failed('the loss became NaN: lower the learning rate'));
    await wrapper.vm.$nextTick();
    const status = wrapper.get('[data-testid="train-status"]');
    expect(status.attributes('data-state')).toBe('failed');
    expect(status.text()).toBe('Failed: the loss became NaN: lower the learning rate');
    // Without a label from the backend list, the raw name is shown.
    expect(wrapper.get('[data-testid="backend-badge"]').text()).toBe('cpu');
  });
});
