// @vitest-environment happy-dom
/**
 * "Continue a model" on the Train page: it offers the models trained here, asks the backend to continue the chosen
 * one for N more epochs, draws its run's earlier epochs before the new ones (the run's 'start' keeps them), and shows
 * a refusal in the backend's words.
 */
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModelEntry } from '../../../src/core/api/contract';
import { RECOMMENDED } from '../../../src/core/api/train-config';

const { call } = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../../../src/renderer/src/api/client', () => ({
  api: { call, onEvent: () => () => undefined },
  messageOf: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}));

import { useModelsStore } from '../../../src/renderer/src/stores/models';
import { useTrainingStore } from '../../../src/renderer/src/stores/training';
import ContinuePanel from '../../../src/renderer/src/train/ContinuePanel.vue';

const entry = (id: string, source: ModelEntry['source'], name: string) => ({ id, source, name }) as ModelEntry;
const row = (epoch: number) => ({ epoch, loss: 1 / epoch, accuracy: 0.9, val_loss: 1.1 / epoch, val_accuracy: 0.88, seconds: 2 });

beforeEach(() => {
  setActivePinia(createPinia());
  call.mockReset();
  useModelsStore().models = [entry('bundled-digit-mlp', 'bundled', 'Bundled MLP'), entry('run-20260101000000-aaaaaa', 'trained', 'ADAM 128-128 · 2 epochs · 96.10%')];
});

describe('continue a model', () => {
  it('continues the chosen model and draws its earlier epochs before the new ones', async () => {
    const wrapper = mount(ContinuePanel, { attachTo: document.body });
    const options = wrapper.findAll('[data-testid="continue-model"] option').map((o) => o.text());
    expect(options).toEqual(['Choose a model', 'ADAM 128-128 · 2 epochs · 96.10%']);
    expect(wrapper.get('[data-testid="continue-button"]').attributes('disabled')).toBeDefined();

    call.mockImplementation(async (method: string) => {
      if (method === 'continueTraining') return { started: true, run: 'run-20260101000000-bbbbbb' };
      // By the time the record is read the continued run may have added its first epoch (3): it is not an earlier one.
      return { id: 'run-20260101000000-bbbbbb', config: { ...RECOMMENDED, epochs: 5 }, history: [row(1), row(2), row(3)] };
    });
    await wrapper.get('[data-testid="continue-model"]').setValue('run-20260101000000-aaaaaa');
    await wrapper.get('[data-testid="continue-epochs"]').setValue('3');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(call).toHaveBeenCalledWith('continueTraining', { id: 'run-20260101000000-aaaaaa', epochs: 3 });
    expect(call).toHaveBeenCalledWith('getRun', { id: 'run-20260101000000-bbbbbb' });

    const store = useTrainingStore();
    expect(store.status).toBe('running');
    store.apply({ event: 'start', backend: 'engine', config: { ...RECOMMENDED, epochs: 5 }, train_samples: 48_000, val_samples: 12_000, test_samples: 10_000, params: 118_282 });
    store.apply({ event: 'epoch', backend: 'engine', epochs: 5, ...row(3) });
    expect(store.history.map((h) => h.epoch)).toEqual([1, 2, 3]);
    expect(store.bestEpoch).toBe(3);
    expect(wrapper.get('[data-testid="continue-button"]').attributes('disabled')).toBeDefined(); // a run is going on
    wrapper.unmount();
  });

  it('shows why a model cannot be continued, and checks the epochs', async () => {
    const wrapper = mount(ContinuePanel, { attachTo: document.body });
    await wrapper.get('[data-testid="continue-model"]').setValue('run-20260101000000-aaaaaa');
    await wrapper.get('[data-testid="continue-epochs"]').setValue('0');
    expect(wrapper.text()).toContain('a whole number from 1 to 1000');
    expect(wrapper.get('[data-testid="continue-button"]').attributes('disabled')).toBeDefined();

    await wrapper.get('[data-testid="continue-epochs"]').setValue('2');
    call.mockRejectedValueOnce(new Error('ADAM 128-128 · 2 epochs · 96.10% cannot be continued: it was saved without its optimizer state (by an older version); fine-tune it with “Start from” instead'));
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toMatch(/cannot be continued: it was saved without its optimizer state/);
    expect(useTrainingStore().status).toBe('idle');
    wrapper.unmount();
  });
});
