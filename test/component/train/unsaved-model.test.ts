// @vitest-environment happy-dom
/**
 * The Train page after a failed save: the problem, "Save again", "Save as…" (a folder by its path) and "Discard…",
 * and a Train button that says a new run would drop the unsaved model before it does.
 */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiEvent, UnsavedModel } from '../../../src/core/api/contract';
import { config, done, start } from './events';

const { call, listeners } = vi.hoisted(() => ({ call: vi.fn(), listeners: [] as Array<(e: ApiEvent) => void> }));
vi.mock('../../../src/renderer/src/api/client', () => ({
  api: { call, onEvent: (l: (e: ApiEvent) => void) => (listeners.push(l), () => undefined) },
  messageOf: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}));

import { useTrainingStore } from '../../../src/renderer/src/stores/training';
import TrainForm from '../../../src/renderer/src/train/TrainForm.vue';
import UnsavedModelPanel from '../../../src/renderer/src/train/UnsavedModelPanel.vue';

const unsaved: UnsavedModel = {
  name: 'ADAM 128-128 · 4 epochs · 97.56%',
  problem: 'cannot write to the model library (/home/me/.config/Digit Studio/models): the disk is full (ENOSPC)',
};

const emit = (event: ApiEvent): void => {
  for (const l of listeners) l(event);
};

let wrapper: VueWrapper | undefined;

beforeEach(() => {
  setActivePinia(createPinia());
  call.mockReset();
  listeners.length = 0;
});
afterEach(() => wrapper?.unmount());

/** The training store connected to a backend whose last run's model could not be saved. */
async function connectedWithUnsavedModel(): Promise<ReturnType<typeof useTrainingStore>> {
  call.mockResolvedValueOnce({ version: '0.1.0', shell: 'web', backends: [], training: { running: false, config, events: [start(), done()], priorHistory: [], unsaved } });
  const store = useTrainingStore();
  await store.connect();
  return store;
}

describe('the unsaved model on the Train page', () => {
  it('the store takes it from the status snapshot, then follows the backend’s events', async () => {
    const store = await connectedWithUnsavedModel();
    expect(store.status).toBe('done');
    expect(store.unsaved).toEqual(unsaved);
    emit({ type: 'unsaved-model', unsaved: null });
    expect(store.unsaved).toBeNull();
  });

  it('shows the problem and saves it again; a failure to save again is shown and the model stays offered', async () => {
    const store = await connectedWithUnsavedModel();
    wrapper = mount(UnsavedModelPanel, { attachTo: document.body });
    expect(wrapper.get('[data-testid="unsaved-problem"]').text()).toBe(`“${unsaved.name}”: ${unsaved.problem}.`);

    call.mockRejectedValueOnce(new Error('the model is still not saved: cannot write to the model library (/x): the disk is full (ENOSPC)'));
    await wrapper.get('[data-testid="save-again-button"]').trigger('click');
    await flushPromises();
    expect(call).toHaveBeenLastCalledWith('saveTrainedModel', {});
    expect(wrapper.findAll('[role="alert"]').at(-1)?.text()).toMatch(/^the model is still not saved: .*\(ENOSPC\)$/);

    call.mockResolvedValueOnce({ id: 'run-20260101000000-abcdef', name: unsaved.name });
    await wrapper.get('[data-testid="save-again-button"]').trigger('click');
    emit({ type: 'unsaved-model', unsaved: null });
    await flushPromises();
    expect(store.unsaved).toBeNull();
    expect(wrapper.find('[data-testid="unsaved-model"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="unsaved-saved"]').text()).toBe(`The trained model is saved to the library, as “${unsaved.name}”.`);
  });

  it('saves it as .h5 to a folder typed by its path', async () => {
    await connectedWithUnsavedModel();
    wrapper = mount(UnsavedModelPanel, { attachTo: document.body });
    await wrapper.get('[data-testid="save-as-button"]').trigger('click');
    expect(wrapper.get('[data-testid="save-to-folder-button"]').attributes('disabled')).toBeDefined();
    await wrapper.get('#unsaved-folder').setValue('  /media/usb/models ');
    call.mockResolvedValueOnce({ path: '/media/usb/models/ADAM-128-128-4-epochs-97.56.h5' });
    await wrapper.get('form').trigger('submit');
    emit({ type: 'unsaved-model', unsaved: null });
    await flushPromises();
    expect(call).toHaveBeenLastCalledWith('saveTrainedModelTo', { directory: '/media/usb/models' });
    expect(wrapper.get('[data-testid="unsaved-saved"]').text()).toBe('The trained model is saved to /media/usb/models/ADAM-128-128-4-epochs-97.56.h5.');
  });

  it('discards it only after the confirm step', async () => {
    await connectedWithUnsavedModel();
    wrapper = mount(UnsavedModelPanel, { attachTo: document.body });
    await wrapper.get('[data-testid="discard-button"]').trigger('click');
    expect(call).not.toHaveBeenCalledWith('discardTrainedModel', {});
    expect(wrapper.get('[role="alertdialog"]').text()).toContain(`Discard “${unsaved.name}”? It cannot be recovered.`);
    call.mockResolvedValueOnce({ discarded: true });
    await wrapper.get('[data-testid="confirm-discard"]').trigger('click');
    emit({ type: 'unsaved-model', unsaved: null });
    await flushPromises();
    expect(call).toHaveBeenLastCalledWith('discardTrainedModel', {});
    expect(wrapper.text()).toBe('');
  });

  it('Train says a new run drops it, and starts only when pressed again', async () => {
    const store = await connectedWithUnsavedModel();
    wrapper = mount(TrainForm, { attachTo: document.body });
    expect(wrapper.get('[data-testid="replace-warning"]').text()).toBe('A new run discards the trained model that is not saved yet.');
    await wrapper.get('[data-testid="train-button"]').trigger('click');
    await flushPromises();
    expect(call).not.toHaveBeenCalledWith('startTraining', expect.anything());
    expect(wrapper.get('[data-testid="train-button"]').text()).toBe('Discard and train');
    expect(wrapper.get('[data-testid="replace-warning"]').text()).toMatch(/start anyway: the unsaved model will be lost/);

    call.mockResolvedValueOnce({ started: true });
    await wrapper.get('[data-testid="train-button"]').trigger('click');
    await flushPromises();
    expect(call).toHaveBeenLastCalledWith('startTraining', config); // the form opens on the last run's settings
    emit({ type: 'unsaved-model', unsaved: null });
    await flushPromises();
    expect(store.unsaved).toBeNull();
    expect(wrapper.find('[data-testid="replace-warning"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="train-button"]').text()).toBe('Train');
  });
});
