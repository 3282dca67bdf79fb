// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PRESETS } from '../../../src/core/api/train-config';

const { call } = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../../../src/renderer/src/api/client', () => ({
  api: { call, onEvent: () => () => undefined },
  messageOf: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}));

import { useTrainingStore } from '../../../src/renderer/src/stores/training';
import TrainForm from '../../../src/renderer/src/train/TrainForm.vue';

beforeEach(() => {
  setActivePinia(createPinia());
  call.mockReset();
  call.mockResolvedValue({ started: true });
});

const mountForm = () => mount(TrainForm, { attachTo: document.body });

describe('train form', () => {
  it('starts the recommended preset as is', async () => {
    const wrapper = mountForm();
    expect((wrapper.get('#train-preset').element as HTMLSelectElement).value).toBe('recommended');
    await wrapper.get('[data-testid="train-button"]').trigger('click');
    await flushPromises();
    expect(call).toHaveBeenCalledWith('startTraining', PRESETS.recommended);
    wrapper.unmount();
  });

  it('refuses invalid input with messages at the fields, and sends nothing', async () => {
    const wrapper = mountForm();
    await wrapper.get('#train-epochs').setValue('0');
    await wrapper.get('#train-hidden').setValue('128, abc');
    await wrapper.get('#train-validation').setValue('1');
    await wrapper.get('#train-learning-rate').setValue('');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(call).not.toHaveBeenCalled();
    expect(wrapper.get('[role="alert"]').text()).toMatch(/not valid/);
    expect(wrapper.get('#train-epochs-error').text()).toBe('must be at least 1');
    expect(wrapper.get('#train-hidden-error').text()).toMatch(/layer sizes must be numbers/);
    expect(wrapper.get('#train-validation-error').text()).toBe('must be less than 1');
    expect(wrapper.get('#train-learning-rate-error').text()).toBe('enter a number');
    expect(wrapper.get('#train-epochs').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('#train-epochs').attributes('aria-describedby')).toContain('train-epochs-error');
    // The first invalid field in the form: the network's settings come first.
    expect(document.activeElement?.id).toBe('train-hidden');
    wrapper.unmount();
  });

  it('sends the edited settings as a TrainConfig', async () => {
    const wrapper = mountForm();
    await wrapper.get('#train-preset').setValue('keras-tutorial');
    await wrapper.get('#train-epochs').setValue('3');
    await wrapper.get('#train-optimizer').setValue('momentum');
    await wrapper.get('#train-momentum').setValue('0.8');
    await wrapper.get('#train-hidden').setValue('256, 64 32');
    await wrapper.get('#train-limit').setValue('5000');
    await wrapper.get('#train-seed').setValue('42');
    expect((wrapper.get('#train-preset').element as HTMLSelectElement).value).toBe('custom');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(call).toHaveBeenCalledWith('startTraining', {
      ...PRESETS['keras-tutorial'], epochs: 3, optimizer: 'momentum', momentum: 0.8, hiddenUnits: [256, 64, 32], limit: 5000, seed: 42,
    });
    wrapper.unmount();
  });

  it('offers a quick check preset and the backends by name', async () => {
    useTrainingStore().backends = [{ name: 'wasm', label: 'TensorFlow.js WebAssembly' }];
    const wrapper = mountForm();
    await wrapper.get('#train-backend').setValue('wasm');
    await wrapper.get('#train-preset').setValue('quick-check');
    // Choosing a preset keeps the backend choice, and the fields still match the preset.
    expect((wrapper.get('#train-preset').element as HTMLSelectElement).value).toBe('quick-check');
    expect(wrapper.get('#train-backend').text()).toContain('TensorFlow.js WebAssembly');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(call).toHaveBeenCalledWith('startTraining', { ...PRESETS.recommended, epochs: 2, limit: 6000, backend: 'wasm' });
    wrapper.unmount();
  });

  it('the Robust preset turns augmentation on; the thread choice survives preset changes', async () => {
    const wrapper = mountForm();
    const augment = wrapper.get('[data-testid="train-augment"]');
    expect((augment.element as HTMLInputElement).checked).toBe(false);
    await wrapper.get('#train-threads').setValue('2');
    await wrapper.get('#train-preset').setValue('robust');
    expect((augment.element as HTMLInputElement).checked).toBe(true);
    expect((wrapper.get('#train-threads').element as HTMLSelectElement).value).toBe('2');
    expect((wrapper.get('#train-preset').element as HTMLSelectElement).value).toBe('robust');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(call).toHaveBeenCalledWith('startTraining', { ...PRESETS.robust, augment: true, threads: 2 });

    await augment.setValue(false);
    await wrapper.get('#train-threads').setValue('auto');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(call).toHaveBeenLastCalledWith('startTraining', { ...PRESETS.robust, augment: undefined, threads: 'auto' });
    wrapper.unmount();
  });

  it('shows the backend refusing a second Train, and Stop asks the backend to stop', async () => {
    const store = useTrainingStore();
    const wrapper = mountForm();
    expect(wrapper.get('[data-testid="stop-button"]').attributes('disabled')).toBeDefined();
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(store.status).toBe('running');

    call.mockRejectedValueOnce(new Error('a training run is already in progress: stop it or wait for it to finish'));
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe('a training run is already in progress: stop it or wait for it to finish');

    call.mockResolvedValueOnce({ stopping: true });
    await wrapper.get('[data-testid="stop-button"]').trigger('click');
    await flushPromises();
    expect(call).toHaveBeenLastCalledWith('stopTraining', {});
    expect(wrapper.get('[data-testid="stop-button"]').text()).toBe('Stopping…');
    wrapper.unmount();
  });
});
