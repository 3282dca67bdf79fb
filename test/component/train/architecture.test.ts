// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PRESETS, parseTrainConfig } from '../../../src/core/api/train-config';

const { call } = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../../../src/renderer/src/api/client', () => ({
  api: { call, onEvent: () => () => undefined },
  messageOf: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}));

import TrainForm from '../../../src/renderer/src/train/TrainForm.vue';

let wrapper: VueWrapper;

beforeEach(() => {
  setActivePinia(createPinia());
  call.mockReset();
  call.mockResolvedValue({ started: true });
  wrapper = mount(TrainForm, { attachTo: document.body });
});
afterEach(() => wrapper.unmount());

/** The layer table as [type, output shape, params] rows. */
const tableRows = () => wrapper.get('[data-testid="layer-table"]').findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()));
const total = () => wrapper.get('[data-testid="layer-total"]').text();
const input = () => wrapper.get('[data-testid="layer-table"] caption').text();
const presetValue = () => (wrapper.get('#train-preset').element as HTMLSelectElement).value;
const sent = () => call.mock.lastCall?.[1] as unknown;

async function submit(): Promise<void> {
  await wrapper.get('form').trigger('submit');
  await flushPromises();
}

/** keras.io mnist_convnet's model.summary() (output shapes without the batch dimension). */
const KERAS_IO_SUMMARY = [
  ['Conv2D', '(26, 26, 32)', '320'],
  ['MaxPooling2D', '(13, 13, 32)', '0'],
  ['Conv2D', '(11, 11, 64)', '18,496'],
  ['MaxPooling2D', '(5, 5, 64)', '0'],
  ['Flatten', '(1600)', '0'],
  ['Dropout', '(1600)', '0'],
  ['Dense', '(10)', '16,010'],
];

describe('train form: the network', () => {
  it('shows the MLP as its layers, and switching to CNN shows keras.io’s CNN with 34,826 parameters', async () => {
    expect(input()).toBe('Input (784)');
    expect(tableRows()).toEqual([
      ['Dense', '(128)', '100,480'],
      ['Dense', '(128)', '16,512'],
      ['Dense', '(10)', '1,290'],
    ]);
    expect(total()).toBe('118,282');
    expect(wrapper.find('#train-filters-1').exists()).toBe(false);

    await wrapper.get('[data-testid="train-arch-cnn"]').setValue(true);
    expect(wrapper.find('#train-hidden').exists()).toBe(false);
    expect((wrapper.get('#train-filters-1').element as HTMLInputElement).value).toBe('32');
    expect((wrapper.get('#train-filters-2').element as HTMLInputElement).value).toBe('64');
    expect(input()).toBe('Input (28, 28, 1)');
    expect(tableRows()).toEqual(KERAS_IO_SUMMARY);
    expect(total()).toBe('34,826');
    // Recommended's training settings with a CNN: no preset.
    expect(presetValue()).toBe('custom');
  });

  it('the CNN preset sets the architecture and sends keras.io’s CNN', async () => {
    await wrapper.get('#train-preset').setValue('cnn');
    expect((wrapper.get('[data-testid="train-arch-cnn"]').element as HTMLInputElement).checked).toBe(true);
    expect(total()).toBe('34,826');
    await submit();
    expect(call).toHaveBeenCalledWith('startTraining', PRESETS.cnn);
    expect(presetValue()).toBe('cnn');
  });

  it('updates the parameter counts as the filters change', async () => {
    await wrapper.get('#train-preset').setValue('cnn');
    await wrapper.get('#train-filters-1').setValue('16');
    await wrapper.get('#train-filters-2').setValue('32');
    const conv1 = 3 * 3 * 1 * 16 + 16;
    const conv2 = 3 * 3 * 16 * 32 + 32;
    const dense = 5 * 5 * 32 * 10 + 10;
    const count = (n: number): string => n.toLocaleString('en-US');
    expect(tableRows().map((row) => row[2])).toEqual([count(conv1), '0', count(conv2), '0', '0', '0', count(dense)]);
    expect(total()).toBe(count(conv1 + conv2 + dense));
  });

  it('removes and adds conv blocks, 1 to 3', async () => {
    await wrapper.get('#train-preset').setValue('cnn');
    await wrapper.get('[data-testid="remove-block-2"]').trigger('click');
    expect(wrapper.find('#train-filters-2').exists()).toBe(false);
    expect(tableRows()).toEqual([
      ['Conv2D', '(26, 26, 32)', '320'],
      ['MaxPooling2D', '(13, 13, 32)', '0'],
      ['Flatten', '(5408)', '0'],
      ['Dropout', '(5408)', '0'],
      ['Dense', '(10)', '54,090'],
    ]);
    expect(total()).toBe('54,410');
    expect(wrapper.find('[data-testid="remove-block-1"]').exists()).toBe(false);

    await wrapper.get('[data-testid="add-block"]').trigger('click');
    await wrapper.get('[data-testid="add-block"]').trigger('click');
    expect([1, 2, 3].map((n) => (wrapper.get(`#train-filters-${n}`).element as HTMLInputElement).value)).toEqual(['32', '64', '128']);
    expect(wrapper.find('[data-testid="add-block"]').exists()).toBe(false);
    await submit();
    expect(sent()).toMatchObject({ cnn: { filters: [32, 64, 128] } });
  });

  it('leaves the Dropout layer out at rate 0, and adds the hidden Dense layers', async () => {
    await wrapper.get('#train-preset').setValue('cnn');
    await wrapper.get('#train-dropout').setValue('0');
    await wrapper.get('#train-dense-units').setValue('64');
    expect(tableRows().map((row) => row[0])).toEqual(['Conv2D', 'MaxPooling2D', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense', 'Dense']);
    expect(tableRows().slice(-2)).toEqual([
      ['Dense', '(64)', '102,464'],
      ['Dense', '(10)', '650'],
    ]);
  });

  it('sends the edited CNN in the config, and no CNN for an MLP; both parse as the service parses them', async () => {
    await wrapper.get('#train-preset').setValue('cnn');
    await wrapper.get('#train-kernel-size').setValue('5');
    await wrapper.get('#train-dense-units').setValue('128, 64');
    await wrapper.get('#train-dropout').setValue('0.25');
    await wrapper.get('#train-activation').setValue('tanh');
    await submit();
    const cnn = { filters: [32, 64], kernelSize: 5, denseUnits: [128, 64], dropout: 0.25, activation: 'tanh' };
    expect(sent()).toEqual({ ...PRESETS.cnn, activation: 'tanh', cnn });
    expect(parseTrainConfig(sent())).toEqual(sent());

    await wrapper.get('[data-testid="train-arch-mlp"]').setValue(true);
    await wrapper.get('#train-hidden').setValue('64');
    await submit();
    expect(sent()).toEqual({ ...PRESETS.cnn, cnn: undefined, activation: 'tanh', hiddenUnits: [64] });
    expect(sent()).not.toHaveProperty('cnn');
    expect(parseTrainConfig(sent())).toEqual(sent());
  });

  it('the presets switch the architecture back and forth', async () => {
    await wrapper.get('#train-preset').setValue('robust-cnn');
    expect((wrapper.get('[data-testid="train-arch-cnn"]').element as HTMLInputElement).checked).toBe(true);
    expect((wrapper.get('[data-testid="train-augment"]').element as HTMLInputElement).checked).toBe(true);
    await wrapper.get('#train-preset').setValue('robust');
    expect((wrapper.get('[data-testid="train-arch-mlp"]').element as HTMLInputElement).checked).toBe(true);
    expect((wrapper.get('#train-hidden').element as HTMLInputElement).value).toBe('256,256');
    expect(total()).toBe('269,322');
    await wrapper.get('#train-preset').setValue('robust-cnn');
    await submit();
    expect(call).toHaveBeenCalledWith('startTraining', PRESETS['robust-cnn']);
  });

  it('refuses invalid layer settings with messages at the fields, and sends nothing', async () => {
    await wrapper.get('#train-preset').setValue('cnn');
    await wrapper.get('#train-filters-1').setValue('300');
    await wrapper.get('#train-filters-2').setValue('');
    await wrapper.get('#train-dense-units').setValue('64, x');
    await wrapper.get('#train-dropout').setValue('1');
    expect(wrapper.find('[data-testid="layer-table"]').exists()).toBe(false);
    await submit();
    expect(call).not.toHaveBeenCalled();
    expect(wrapper.get('#train-filters-1-error').text()).toBe('must be at most 256');
    expect(wrapper.get('#train-filters-2-error').text()).toBe('enter a number');
    expect(wrapper.get('#train-dense-units-error').text()).toMatch(/layer sizes must be numbers/);
    expect(wrapper.get('#train-dropout-error').text()).toBe('must be less than 1');
    expect(document.activeElement?.id).toBe('train-filters-1');
  });

  it('says when 5×5 kernels do not fit three blocks', async () => {
    await wrapper.get('#train-preset').setValue('cnn');
    await wrapper.get('[data-testid="add-block"]').trigger('click');
    await wrapper.get('#train-kernel-size').setValue('5');
    await submit();
    expect(call).not.toHaveBeenCalled();
    expect(wrapper.get('#train-kernel-size-error').text()).toBe('a 5x5 kernel is too large for 3 blocks: choose a smaller kernel or fewer blocks');
    await wrapper.get('[data-testid="remove-block-3"]').trigger('click');
    expect(wrapper.find('#train-kernel-size-error').exists()).toBe(false);
  });

  it('shows the service refusing a CNN run in the error alert', async () => {
    await wrapper.get('#train-preset').setValue('cnn');
    call.mockRejectedValueOnce(new Error('the app does not train convolutional networks yet'));
    await submit();
    expect(call).toHaveBeenCalledWith('startTraining', PRESETS.cnn);
    expect(wrapper.get('[role="alert"]').text()).toBe('the app does not train convolutional networks yet');
  });

  it('shows a hidden field that blocks the run: invalid MLP sizes while CNN is chosen', async () => {
    await wrapper.get('#train-hidden').setValue('abc');
    await wrapper.get('[data-testid="train-arch-cnn"]').setValue(true);
    expect(wrapper.find('#train-hidden').exists()).toBe(false);
    await submit();
    expect(call).not.toHaveBeenCalled();
    expect(wrapper.get('#train-hidden-error').text()).toMatch(/layer sizes must be numbers/);
  });
});
