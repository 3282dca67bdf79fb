// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiEvent } from '../../../src/core/api/contract';
import type { TrainingEvent } from '../../../src/core/api/training-events';
import { batch, config, done, epoch, failed, start } from './events';

const { call, listeners } = vi.hoisted(() => ({ call: vi.fn(), listeners: [] as Array<(e: ApiEvent) => void> }));
vi.mock('../../../src/renderer/src/api/client', () => ({
  api: { call, onEvent: (l: (e: ApiEvent) => void) => (listeners.push(l), () => undefined) },
  messageOf: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}));

import { useTrainingStore } from '../../../src/renderer/src/stores/training';

const emit = (event: TrainingEvent): void => {
  for (const l of listeners) l({ type: 'training', event });
};

beforeEach(() => {
  setActivePinia(createPinia());
  call.mockReset();
  listeners.length = 0;
});

describe('training store', () => {
  it('follows a run from start through batches and epochs to done', () => {
    const store = useTrainingStore();
    expect(store.status).toBe('idle');
    store.apply(start());
    expect(store.status).toBe('running');
    expect(store.etaSeconds).toBeNull();

    // Before any epoch the ETA comes from throughput: 10 batches × 100 samples at 1000/s = 1 s per epoch.
    store.apply(batch(1, 5));
    expect(store.etaSeconds).toBeCloseTo(3.5);
    store.apply(batch(1, 10));
    store.apply(epoch(1, 0.3));
    store.apply(batch(2, 5));
    // Then from measured epochs (2 s each): 2.5 epochs left.
    expect(store.etaSeconds).toBeCloseTo(5);
    store.apply(epoch(2, 0.2));
    store.apply(epoch(3, 0.25));
    store.apply(epoch(4, 0.28));
    expect(store.bestEpoch).toBe(2);
    expect(store.batches).toHaveLength(3);
    expect(store.epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4]);

    store.apply(done());
    expect(store.status).toBe('done');
    expect(store.testAccuracy).toBeCloseTo(0.97556);
    expect(store.etaSeconds).toBeNull();
    expect(store.message).toBeNull();
  });

  it('has no best epoch without a validation split', () => {
    const store = useTrainingStore();
    store.apply(start());
    store.apply(epoch(1, null));
    expect(store.bestEpoch).toBeNull();
  });

  it('reports a failed run with its message, and a stopped one as done with a note', () => {
    const store = useTrainingStore();
    store.apply(start());
    store.apply(failed('the loss became NaN at epoch 1'));
    expect(store.status).toBe('failed');
    expect(store.message).toBe('the loss became NaN at epoch 1');

    store.apply(start());
    expect(store.message).toBeNull();
    store.apply(epoch(1, 0.3));
    store.apply(done('cancelled', 1));
    expect(store.status).toBe('done');
    expect(store.message).toMatch(/Stopped after 1 epoch/);
  });

  it('a new start clears the previous run', () => {
    const store = useTrainingStore();
    store.apply(start());
    store.apply(batch(1, 1));
    store.apply(epoch(1, 0.3));
    store.apply(done());
    store.apply(start({ ...config, epochs: 2 }));
    expect(store.batches).toHaveLength(0);
    expect(store.epochs).toHaveLength(0);
    expect(store.testAccuracy).toBeNull();
    expect(store.config?.epochs).toBe(2);
  });

  it('connect replays the run so far, labels the backend, and applies live events once', async () => {
    let answer!: (value: unknown) => void;
    call.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    const store = useTrainingStore();
    const connecting = store.connect();
    // This batch is in the snapshot too: it must not be counted twice. The epoch after it is new.
    emit(batch(1, 2));
    emit(epoch(1, 0.3));
    answer({
      version: '0.1.0', shell: 'web',
      backends: [{ name: 'cpu', label: 'TensorFlow.js plain JavaScript' }],
      training: { running: true, config, events: [start(), batch(1, 1), batch(1, 2)], priorHistory: [] },
    });
    await connecting;
    expect(store.status).toBe('running');
    expect(store.batches.map((b) => b.batch)).toEqual([1, 2]);
    expect(store.epochs).toHaveLength(1);
    expect(store.backendLabel).toBe('TensorFlow.js plain JavaScript');

    emit(batch(2, 1));
    expect(store.batches).toHaveLength(3);
  });

  it('connect, in the middle of a continued run, draws the epochs before it first, then its own', async () => {
    const earlier = [1, 2].map((n) => ({ epoch: n, loss: 0.4, accuracy: 0.9, val_loss: 0.3, val_accuracy: 0.91, seconds: 2 }));
    call.mockResolvedValueOnce({
      version: '0.1.0', shell: 'web', backends: [],
      training: { running: true, config, events: [start(), epoch(3, 0.2)], priorHistory: earlier },
    });
    const store = useTrainingStore();
    await store.connect();
    expect(store.history.map((row) => row.epoch)).toEqual([1, 2, 3]);
    emit(epoch(4, 0.25));
    expect(store.history.map((row) => row.epoch)).toEqual([1, 2, 3, 4]);
  });

  it('names the two-worker engine mode in the backend label', () => {
    const store = useTrainingStore();
    store.backends = [{ name: 'engine', label: 'Digit Studio WebAssembly SIMD engine' }];
    store.apply({ ...start(), backend: 'engine', threads: 2 });
    expect(store.backendLabel).toBe('Digit Studio WebAssembly SIMD engine · 2 workers');
    store.apply({ ...start(), backend: 'engine', threads: 1 });
    expect(store.backendLabel).toBe('Digit Studio WebAssembly SIMD engine');
  });

  it('sends the config to startTraining and keeps the refusal message of a second start', async () => {
    const store = useTrainingStore();
    call.mockResolvedValueOnce({ started: true });
    await store.start(config);
    expect(call).toHaveBeenCalledWith('startTraining', config);
    expect(store.status).toBe('running');

    call.mockRejectedValueOnce(new Error('a training run is already in progress: stop it or wait for it to finish'));
    await store.start(config);
    await flushPromises();
    expect(store.requestError).toBe('a training run is already in progress: stop it or wait for it to finish');
    expect(store.status).toBe('running');
  });
});
