// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModelEntry, SampleEntry } from '../../../src/core/api/contract';
import { PRESETS } from '../../../src/core/api/train-config';
import { config, done, epoch, start } from './events';

const { call } = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../../../src/renderer/src/api/client', () => ({
  api: { call, onEvent: () => () => undefined },
  messageOf: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}));

import { useModelsStore } from '../../../src/renderer/src/stores/models';
import { useSamplesStore } from '../../../src/renderer/src/stores/samples';
import { useTrainingStore } from '../../../src/renderer/src/stores/training';
import TrainForm from '../../../src/renderer/src/train/TrainForm.vue';
import TrainStats from '../../../src/renderer/src/train/TrainStats.vue';
import { CNN_FACTS, MLP_FACTS } from '../../helpers/model-facts';

const model = (id: string, name: string, layers: string): ModelEntry => ({
  ...MLP_FACTS, id, name, layers, source: 'trained', createdAt: '', testAccuracy: null, config: null, backend: null, path: '',
});
const sample = (id: string): SampleEntry => ({ id, label: 3, createdAt: '', pixels: '' });

let wrapper: VueWrapper;

function mountForm(sampleCount: number): VueWrapper {
  useModelsStore().models = [model('bundled-digit-mlp', 'Digit MLP (bundled)', '784 → 128 relu → 128 relu → 10 softmax'), model('run-small', 'Small', '784 → 32 relu → 10 softmax')];
  useSamplesStore().samples = Array.from({ length: sampleCount }, (_, i) => sample(`sample-${i}`));
  wrapper = mount(TrainForm, { attachTo: document.body });
  return wrapper;
}

const options = () => wrapper.get('[data-testid="train-start-from"]').findAll('option');

beforeEach(() => {
  setActivePinia(createPinia());
  call.mockReset();
  call.mockResolvedValue({ started: true });
});
afterEach(() => wrapper?.unmount());

describe('train form: start from a model, include my drawings', () => {
  it('offers fresh weights or the library models with the same layers, and counts the drawings', () => {
    mountForm(12);
    expect(options().map((o) => [o.text(), o.attributes('disabled') !== undefined])).toEqual([
      ['Fresh weights', false],
      ['Digit MLP (bundled)', false],
      ['Small (other layers)', true],
    ]);
    expect(wrapper.text()).toContain('Include my drawings (12)');
  });

  it('sends the start model and the drawings with the preset, which still counts as that preset', async () => {
    mountForm(12);
    await wrapper.get('[data-testid="train-start-from"]').setValue('bundled-digit-mlp');
    await wrapper.get('[data-testid="train-user-samples"]').setValue(true);
    expect((wrapper.get('#train-preset').element as HTMLSelectElement).value).toBe('recommended');
    await wrapper.get('[data-testid="train-button"]').trigger('click');
    await flushPromises();
    expect(call).toHaveBeenCalledWith('startTraining', { ...PRESETS.recommended, startFrom: 'bundled-digit-mlp', userSamples: true });
  });

  it('says when the chosen model no longer fits the hidden layer sizes', async () => {
    mountForm(1);
    await wrapper.get('[data-testid="train-start-from"]').setValue('bundled-digit-mlp');
    await wrapper.get('#train-hidden').setValue('64');
    expect(wrapper.get('#train-start-from-error').text()).toBe('its layers are 784 → 128 relu → 128 relu → 10 softmax: set the network to match, or start fresh');
  });

  it('offers the library CNN with the CNN settings, and no Dense stack', async () => {
    mountForm(0);
    useModelsStore().models.push({ ...model('run-cnn', 'My CNN', ''), ...CNN_FACTS });
    await wrapper.get('#train-preset').setValue('cnn');
    expect(options().map((o) => [o.text(), o.attributes('disabled') !== undefined])).toEqual([
      ['Fresh weights', false],
      ['Digit MLP (bundled) (other layers)', true],
      ['Small (other layers)', true],
      ['My CNN', false],
    ]);
    await wrapper.get('[data-testid="train-start-from"]').setValue('run-cnn');
    await wrapper.get('#train-dropout').setValue('0.25');
    expect(wrapper.get('#train-start-from-error').text()).toMatch(/^its layers are Conv2D 32 3×3 relu → .*: set the network to match, or start fresh$/);
  });

  it('cannot include drawings when there are none', () => {
    mountForm(0);
    expect(wrapper.get('[data-testid="train-user-samples"]').attributes('disabled')).toBeDefined();
    expect(wrapper.text()).toContain('Include my drawings (0)');
  });
});

describe('train stats: accuracy on your drawings', () => {
  it('follows the epochs, then the end of the run, only for runs that include the drawings', async () => {
    const store = useTrainingStore();
    wrapper = mount(TrainStats);
    store.apply(start());
    await flushPromises();
    expect(wrapper.find('[data-testid="user-accuracy"]').exists()).toBe(false);
    store.apply(start({ ...config, userSamples: true }));
    await flushPromises();
    expect(wrapper.get('[data-testid="user-accuracy"]').text()).toBe('—');
    store.apply({ ...epoch(1, 0.3), user_accuracy: 0.625 });
    await flushPromises();
    expect(wrapper.get('[data-testid="user-accuracy"]').text()).toBe('62.50 %');
    store.apply({ ...done(), user_accuracy: 0.875 });
    await flushPromises();
    expect(wrapper.get('[data-testid="user-accuracy"]').text()).toBe('87.50 %');
  });
});
