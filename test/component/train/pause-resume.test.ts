// @vitest-environment happy-dom
/**
 * The Train page's Pause / Resume next to Stop: they ask the backend, show the request in flight, follow the run's
 * 'paused' and 'resumed' events (the status line says where the run holds), show a refusal as it is worded, and the
 * paused state ends with the run.
 */
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RECOMMENDED } from '../../../src/core/api/train-config';
import type { TrainingEvent } from '../../../src/core/api/training-events';

const { call } = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../../../src/renderer/src/api/client', () => ({
  api: { call, onEvent: () => () => undefined },
  messageOf: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}));

import { useTrainingStore } from '../../../src/renderer/src/stores/training';
import TrainForm from '../../../src/renderer/src/train/TrainForm.vue';
import TrainStats from '../../../src/renderer/src/train/TrainStats.vue';

const START: TrainingEvent = { event: 'start', backend: 'engine', config: RECOMMENDED, train_samples: 48_000, val_samples: 12_000, test_samples: 10_000, params: 118_282 };
const at = { backend: 'engine', epoch: 2, batch: 317, batches: 750 } as const;

beforeEach(() => {
  setActivePinia(createPinia());
  call.mockReset();
});

function mountPage() {
  const form = mount(TrainForm, { attachTo: document.body });
  const stats = mount(TrainStats, { attachTo: document.body });
  const button = (id: string) => form.find(`[data-testid="${id}"]`);
  return { form, stats, button, unmount: () => (form.unmount(), stats.unmount()) };
}

describe('pause and resume on the Train page', () => {
  it('Pause asks the backend, the paused event shows Resume and where the run holds, Resume goes back', async () => {
    const store = useTrainingStore();
    const page = mountPage();
    expect(page.button('pause-button').attributes('disabled')).toBeDefined(); // nothing runs
    store.apply(START);
    await flushPromises();

    call.mockResolvedValueOnce({ pausing: true });
    await page.button('pause-button').trigger('click');
    await flushPromises();
    expect(call).toHaveBeenLastCalledWith('pauseTraining', {});
    expect(page.button('pause-button').text()).toBe('Pausing…');
    expect(page.button('pause-button').attributes('disabled')).toBeDefined();
    expect(page.stats.get('[data-testid="train-status"]').text()).toBe('Pausing… finishing the current batch.');

    store.apply({ event: 'paused', ...at });
    await flushPromises();
    expect(page.button('pause-button').exists()).toBe(false);
    expect(page.button('resume-button').text()).toBe('Resume');
    const status = page.stats.get('[data-testid="train-status"]');
    expect(status.text()).toBe('Paused at epoch 2, batch 317 of 750: press Resume to go on from there, or Stop to end the run.');
    expect(status.attributes('data-paused')).toBe('true');
    expect(page.button('stop-button').attributes('disabled')).toBeUndefined(); // a paused run can be stopped

    call.mockResolvedValueOnce({ resumed: true });
    await page.button('resume-button').trigger('click');
    await flushPromises();
    expect(call).toHaveBeenLastCalledWith('resumeTraining', {});
    store.apply({ event: 'resumed', ...at, paused_seconds: 12.5 });
    await flushPromises();
    expect(page.button('resume-button').exists()).toBe(false);
    expect(page.button('pause-button').text()).toBe('Pause');
    expect(page.button('pause-button').attributes('disabled')).toBeUndefined();
    expect(page.stats.get('[data-testid="train-status"]').attributes('data-paused')).toBe('false');
    page.unmount();
  });

  it('shows a refusal in the backend’s words and lets the user try again', async () => {
    const store = useTrainingStore();
    const page = mountPage();
    store.apply(START);
    await flushPromises();
    call.mockRejectedValueOnce(new Error('the training run is stopping: it cannot be paused'));
    await page.button('pause-button').trigger('click');
    await flushPromises();
    expect(page.form.get('[role="alert"]').text()).toBe('the training run is stopping: it cannot be paused');
    expect(page.button('pause-button').text()).toBe('Pause');
    expect(page.button('pause-button').attributes('disabled')).toBeUndefined();
    page.unmount();
  });

  it('a stop while paused ends the paused state with the run', async () => {
    const store = useTrainingStore();
    const page = mountPage();
    store.apply(START);
    store.apply({ event: 'paused', ...at });
    await flushPromises();
    call.mockResolvedValueOnce({ stopping: true });
    await page.button('stop-button').trigger('click');
    await flushPromises();
    expect(call).toHaveBeenLastCalledWith('stopTraining', {});
    expect(page.button('resume-button').attributes('disabled')).toBeDefined();

    store.apply({ event: 'done', backend: 'engine', stopped: 'cancelled', epochs_completed: 1, test_loss: 0.1, test_accuracy: 0.97 });
    await flushPromises();
    expect(store.paused).toBe(false);
    expect(page.button('pause-button').attributes('disabled')).toBeDefined();
    expect(page.stats.get('[data-testid="train-status"]').text()).toBe('Stopped after 1 epoch(s); the model trained so far is kept.');
    page.unmount();
  });
});
