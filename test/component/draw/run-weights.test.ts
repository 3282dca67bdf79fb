// @vitest-environment happy-dom
/**
 * The Draw page's "Use the training run's current weights" switch: shown only while a run trains or is paused; on, it
 * fetches the run's weights and reads the drawing with them, fetches again at every weights notice, shows where in the
 * run they were taken and a refusal as worded; when the run ends it turns off and the chosen model reads again.
 */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runLayers } from '../../../src/core/api/architecture';
import type { ApiEvent, ModelEntry, RunWeights } from '../../../src/core/api/contract';
import { encodeModel } from '../../../src/core/api/model-weights';
import type { WeightsPoint } from '../../../src/core/api/training-events';
import type * as Preprocess from '../../../src/core/preprocess';
import type { Stroke } from '../../../src/renderer/src/draw/strokes';
import { bundledPredictor } from './fixtures';

const { call, listeners } = vi.hoisted(() => ({ call: vi.fn(), listeners: new Set<(event: ApiEvent) => void>() }));
vi.mock('../../../src/renderer/src/api/client', () => ({
  api: { call, onEvent: (listener: (event: ApiEvent) => void) => (listeners.add(listener), () => listeners.delete(listener)) },
  messageOf: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}));
// Any digit-sized drawing reads as MNIST test image 90, which the bundled model takes for a 3.
vi.mock('../../../src/core/preprocess', async (importOriginal) => {
  const { mnistInput } = await import('./fixtures');
  return {
    ...(await importOriginal<typeof Preprocess>()),
    strokesToModelInput: (lines: ArrayLike<number>[]) => (lines.some((points) => points.length >= 4) ? mnistInput(90) : { pixels: new Float32Array(784), empty: true }),
  };
});

import DrawCanvas from '../../../src/renderer/src/draw/DrawCanvas.vue';
import DrawPage from '../../../src/renderer/src/draw/DrawPage.vue';
import { useModelsStore } from '../../../src/renderer/src/stores/models';
import { useTrainingStore } from '../../../src/renderer/src/stores/training';
import { MLP_FACTS } from '../../helpers/model-facts';

/** A run's weights that answer `digit` whatever is drawn: no hidden layer, a zero kernel and a bias only on that digit. */
function weightsFor(digit: number, at: WeightsPoint): RunWeights {
  const bias = new Float32Array(10);
  bias[digit] = 5;
  return { ...encodeModel('training-run', { layers: runLayers({ hiddenUnits: [], activation: 'relu' }), weights: [{ kernel: new Float32Array(7840), bias }] }), at };
}

const entry: ModelEntry = { id: 'bundled-digit-mlp', name: 'Digit MLP (bundled)', source: 'bundled', createdAt: '', testAccuracy: 0.9767, ...MLP_FACTS, config: null, backend: null, path: '/m' };
let wrapper: VueWrapper;

function mountPage() {
  setActivePinia(createPinia());
  const models = useModelsStore();
  models.models = [entry];
  models.selectedId = entry.id;
  models.predictor = bundledPredictor();
  const training = useTrainingStore();
  wrapper = mount(DrawPage, { global: { stubs: { DrawCanvas: true } }, attachTo: document.body });
  return training;
}

const digit = () => wrapper.get('[data-testid="prediction"]').attributes('data-digit');
const toggle = async (on: boolean) => {
  await wrapper.get('[data-testid="run-weights-switch"]').setValue(on);
  await flushPromises();
};
const notify = async (at: WeightsPoint) => {
  for (const listener of listeners) listener({ type: 'run-weights', at });
  await flushPromises();
};

beforeEach(() => {
  call.mockReset();
  listeners.clear();
});
afterEach(() => wrapper?.unmount());

describe('the Draw page with the training run’s current weights', () => {
  it('is offered only while a run goes on, reads with its weights, follows each notice, and gives way when the run ends', async () => {
    const training = mountPage();
    const stroke: Stroke = { id: 1, points: [60, 60, 200, 60, 120, 260], widths: [16, 16, 16] };
    wrapper.findComponent(DrawCanvas).vm.$emit('stroke', stroke, performance.now());
    await flushPromises();
    expect(digit()).toBe('3');
    expect(wrapper.find('[data-testid="run-weights"]').exists()).toBe(false);

    training.status = 'running';
    await flushPromises();
    const epoch1 = { epoch: 1, batch: 375, batches: 375, paused: false };
    call.mockResolvedValueOnce(weightsFor(7, epoch1));
    await toggle(true);
    expect(call).toHaveBeenCalledWith('getRunWeights', {});
    expect(digit()).toBe('7');
    expect(wrapper.get('[data-testid="run-weights-at"]').text()).toBe('after epoch 1');

    const paused = { epoch: 2, batch: 40, batches: 375, paused: true };
    call.mockResolvedValueOnce(weightsFor(4, paused));
    await notify(paused);
    expect(digit()).toBe('4');
    expect(wrapper.get('[data-testid="run-weights-at"]').text()).toBe('paused in epoch 2 (batch 40 of 375)');

    training.status = 'done';
    await flushPromises();
    expect(wrapper.find('[data-testid="run-weights"]').exists()).toBe(false);
    expect(digit()).toBe('3');
    // A notice after the run (or with the switch off) fetches nothing.
    await notify(epoch1);
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('turned off, the chosen model reads again; a refusal shows as worded', async () => {
    const training = mountPage();
    training.status = 'running';
    wrapper.findComponent(DrawCanvas).vm.$emit('stroke', { id: 1, points: [60, 60, 200, 60, 120, 260], widths: [16, 16, 16] }, performance.now());
    await flushPromises();
    call.mockRejectedValueOnce(new Error('the training run has no weights yet: it is still loading its data'));
    await toggle(true);
    expect(wrapper.get('[data-testid="run-weights"]').text()).toContain('the training run has no weights yet: it is still loading its data');
    expect(wrapper.get('[data-testid="prediction"]').text()).toBe('The training run has no weights to read with yet.');

    call.mockResolvedValueOnce(weightsFor(0, { epoch: 0, batch: 0, batches: 375, paused: false }));
    await notify({ epoch: 0, batch: 0, batches: 375, paused: false });
    expect(digit()).toBe('0');
    expect(wrapper.get('[data-testid="run-weights-at"]').text()).toBe('the initial weights, before the first epoch');
    await toggle(false);
    expect(digit()).toBe('3');
    expect(wrapper.find('[data-testid="run-weights-at"]').exists()).toBe(false);
  });
});
