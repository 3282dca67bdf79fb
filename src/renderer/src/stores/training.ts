/** The training run as the UI sees it: built from the backend's event stream, so it survives page changes. */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, triggerRef } from 'vue';
import type { ApiEvent, BackendInfo, UnsavedModel } from '../../../core/api/contract';
import type { HistoryRow } from '../../../core/api/run-history';
import type { TrainConfig } from '../../../core/api/train-config';
import type { BatchEvent, EpochEvent, TrainingEvent } from '../../../core/api/training-events';
import { api, messageOf } from '../api/client';

export type TrainStatus = 'idle' | 'running' | 'done' | 'failed';

export const useTrainingStore = defineStore('training', () => {
  const status = ref<TrainStatus>('idle');
  const config = ref<TrainConfig | null>(null);
  const backend = ref<string | null>(null);
  /** Backends the backend can load, with their labels in words (from `status`). */
  const backends = ref<BackendInfo[]>([]);
  // Appended in place and triggered: a long run has thousands of batch events, copying the array per event is O(n²).
  const batches = shallowRef<BatchEvent[]>([]);
  const epochs = shallowRef<EpochEvent[]>([]);
  /** A continued model's earlier epochs (from its run's record): drawn before this run's own, kept past its 'start'. */
  const priorEpochs = shallowRef<HistoryRow[]>([]);
  /**
   * The whole run's History: the earlier epochs of a continued model, then this run's. A new array each time, so
   * that its watchers see a change when `epochs` grows in place (a few hundred rows at most: cheap per epoch).
   */
  const history = computed<HistoryRow[]>(() => [...priorEpochs.value, ...epochs.value]);
  /** Why "Continue" was refused (the model cannot be continued, a run is going on). */
  const continueError = ref<string | null>(null);
  const testAccuracy = ref<number | null>(null);
  const testLoss = ref<number | null>(null);
  /** Accuracy on the user's own drawings after the last epoch, then at the end (runs that include them). */
  const userAccuracy = ref<number | null>(null);
  /** What the run ended with: the failure, or that it was stopped early. */
  const message = ref<string | null>(null);
  /** A start or stop request the backend refused (e.g. a second Train while one runs). */
  const requestError = ref<string | null>(null);
  const starting = ref(false);
  /** Threads the run trains on, as its start event says (the engine's two-worker mode shows in the badge). */
  const threads = ref<number | null>(null);
  const stopping = ref(false);
  /** The run holds after a batch with all its state until resumed or stopped (its 'paused' event came, no 'resumed' since). */
  const paused = ref(false);
  /** Pause or Resume was pressed and the backend has not said it happened yet. */
  const pausing = ref(false);
  const resuming = ref(false);
  /** Where the run is paused: the epoch and the last batch trained. */
  const pausedAt = ref<{ epoch: number; batch: number; batches: number } | null>(null);
  /** The last run's model when saving it to the library failed: the backend keeps it until it is saved or dropped. */
  const unsaved = ref<UnsavedModel | null>(null);

  const lastBatch = computed(() => batches.value.at(-1) ?? null);
  const backendLabel = computed(() => {
    const name = backend.value;
    if (name === null) return null;
    const label = backends.value.find((b) => b.name === name)?.label ?? name;
    return threads.value === 2 ? `${label} · 2 workers` : label;
  });
  /** Epoch with the lowest validation loss: where the seed's model stops improving (overfitting after it). */
  const bestEpoch = computed(() => {
    let best: HistoryRow | null = null;
    for (const e of history.value) if (e.val_loss !== null && (best === null || e.val_loss < (best.val_loss ?? Infinity))) best = e;
    return best?.epoch ?? null;
  });
  const etaSeconds = computed(() => {
    const c = config.value;
    const b = lastBatch.value;
    if (status.value !== 'running' || !c || !b || !b.samples_per_second) return null;
    const perEpoch = epochs.value.length ? epochs.value.reduce((s, e) => s + e.seconds, 0) / epochs.value.length : (b.batches * c.batchSize) / b.samples_per_second;
    const doneInEpoch = b.batch / b.batches;
    return Math.max(0, (c.epochs - (b.epoch - 1) - doneInEpoch) * perEpoch);
  });

  function reset(next: TrainConfig | null): void {
    config.value = next;
    batches.value = [];
    epochs.value = [];
    testAccuracy.value = null;
    testLoss.value = null;
    userAccuracy.value = null;
    message.value = null;
    backend.value = null;
    stopping.value = false;
    clearPause();
  }

  function clearPause(): void {
    paused.value = false;
    pausing.value = false;
    resuming.value = false;
    pausedAt.value = null;
  }

  function apply(event: TrainingEvent): void {
    if (event.backend) backend.value = event.backend;
    switch (event.event) {
      case 'start':
        reset(event.config);
        backend.value = event.backend;
        threads.value = event.threads ?? null;
        status.value = 'running';
        return;
      case 'batch':
        batches.value.push(event);
        triggerRef(batches);
        return;
      case 'paused':
        paused.value = true;
        pausing.value = false;
        pausedAt.value = { epoch: event.epoch, batch: event.batch, batches: event.batches };
        return;
      case 'resumed':
        clearPause();
        return;
      case 'epoch':
        epochs.value.push(event);
        triggerRef(epochs);
        userAccuracy.value = event.user_accuracy ?? null;
        return;
      case 'done':
        status.value = 'done';
        stopping.value = false;
        clearPause();
        testAccuracy.value = event.test_accuracy;
        testLoss.value = event.test_loss;
        userAccuracy.value = event.user_accuracy ?? null;
        message.value = event.stopped === 'cancelled' ? `Stopped after ${event.epochs_completed} epoch(s); the model trained so far is kept.` : null;
        return;
      case 'failed':
        status.value = 'failed';
        stopping.value = false;
        clearPause();
        message.value = event.message;
        return;
    }
  }

  async function start(next: TrainConfig): Promise<void> {
    requestError.value = null;
    priorEpochs.value = [];
    starting.value = true;
    try {
      await api.call('startTraining', next);
      // The run's 'start' event may already have arrived and reset everything; otherwise clear the last run now.
      if (status.value !== 'running') {
        reset(next);
        status.value = 'running';
      }
    } catch (error) {
      requestError.value = messageOf(error);
    } finally {
      starting.value = false;
    }
  }

  async function stop(): Promise<void> {
    requestError.value = null;
    stopping.value = true;
    try {
      await api.call('stopTraining', {});
    } catch (error) {
      stopping.value = false;
      requestError.value = messageOf(error);
    }
  }

  /** Trains a library model `more` epochs with its settings and optimizer; its run's earlier epochs join the charts. */
  async function continueModel(id: string, more: number): Promise<void> {
    continueError.value = null;
    starting.value = true;
    try {
      const { run } = await api.call('continueTraining', { id, epochs: more });
      const record = await api.call('getRun', { id: run });
      // Only the epochs before this run: by now the record may hold one it trained already.
      priorEpochs.value = record.history.filter((row) => row.epoch <= record.config.epochs - more);
      if (status.value !== 'running') {
        reset(record.config);
        status.value = 'running';
      }
    } catch (error) {
      continueError.value = messageOf(error);
    } finally {
      starting.value = false;
    }
  }

  /** Asks the run to pause after its current batch; the 'paused' event shows it happened. */
  async function pause(): Promise<void> {
    await pauseRequest(pausing, 'pauseTraining');
  }

  /** Lets a paused run go on; the 'resumed' event shows it did. */
  async function resume(): Promise<void> {
    await pauseRequest(resuming, 'resumeTraining');
  }

  async function pauseRequest(pending: typeof pausing, method: 'pauseTraining' | 'resumeTraining'): Promise<void> {
    requestError.value = null;
    pending.value = true;
    try {
      await api.call(method, {});
    } catch (error) {
      pending.value = false;
      requestError.value = messageOf(error);
    }
  }

  /** Picks up a run already in progress (or finished) when the window opens. */
  async function connect(): Promise<void> {
    // Events that arrive while the snapshot is on its way may also be in it: hold them back and skip the repeats.
    let pending: TrainingEvent[] | null = [];
    // An unsaved-model event is the whole state, newer than (or as new as) any snapshot taken before it arrived.
    let unsavedReported = false;
    const onEvent = (event: ApiEvent): void => {
      if (event.type === 'unsaved-model') {
        unsaved.value = event.unsaved;
        unsavedReported = true;
      }
      if (event.type !== 'training') return;
      if (pending) pending.push(event.event);
      else apply(event.event);
    };
    api.onEvent(onEvent);
    try {
      const state = await api.call('status', {});
      backends.value = state.backends;
      for (const event of state.training.events) apply(event);
      priorEpochs.value = state.training.priorHistory;
      if (state.training.running) status.value = 'running';
      if (!unsavedReported) unsaved.value = state.training.unsaved;
      const seen = new Set(state.training.events.slice(-pending.length).map((e) => JSON.stringify(e)));
      for (const event of pending) if (!seen.has(JSON.stringify(event))) apply(event);
    } finally {
      pending = null;
    }
  }

  return {
    status, config, backend, threads, backends, backendLabel, batches, epochs, priorEpochs, history, continueError, testAccuracy, testLoss, userAccuracy, message, requestError, starting, stopping,
    paused, pausing, resuming, pausedAt, unsaved, lastBatch, bestEpoch, etaSeconds, apply, start, continueModel, stop, pause, resume, connect,
  };
});
