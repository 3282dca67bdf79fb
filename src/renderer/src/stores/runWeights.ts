/**
 * "Use the training run's current weights" on the Draw page: while a run trains or is paused, the drawing can be read
 * with the run's weights as they are now instead of the chosen model's. The backend sends a small notice at every
 * epoch end and pause; the weights themselves (some hundred KB) are fetched only while the switch is on. When the run
 * ends the switch turns off and the chosen model reads the drawing again.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { decodeModel } from '../../../core/api/model-weights';
import type { WeightsPoint } from '../../../core/api/training-events';
import { createPredictor } from '../../../core/inference/forward';
import { api, messageOf } from '../api/client';
import type { Predictor } from '../draw/predict';
import { useTrainingStore } from './training';

export const useRunWeightsStore = defineStore('runWeights', () => {
  const training = useTrainingStore();
  /** The switch: on only while a run goes on. */
  const enabled = ref(false);
  const predictor = shallowRef<Predictor | null>(null);
  /** Where in the run the weights in use were taken. */
  const at = ref<WeightsPoint | null>(null);
  const error = ref<string | null>(null);
  const loading = ref(false);
  /** A run trains or is paused: it has weights to draw with. */
  const available = computed(() => training.status === 'running');
  // Answers to older fetches that arrive late are dropped: only the newest weights are used.
  let latest = 0;

  async function fetchWeights(): Promise<void> {
    const ticket = ++latest;
    loading.value = true;
    try {
      const weights = await api.call('getRunWeights', {});
      if (ticket !== latest) return;
      predictor.value = createPredictor(decodeModel(weights));
      at.value = weights.at;
      error.value = null;
    } catch (e) {
      if (ticket === latest) error.value = messageOf(e);
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  function turnOff(): void {
    latest++;
    enabled.value = false;
    predictor.value = null;
    at.value = null;
    error.value = null;
    loading.value = false;
  }

  async function setEnabled(on: boolean): Promise<void> {
    if (!on) return turnOff();
    enabled.value = true;
    await fetchWeights();
  }

  watch(available, (running) => {
    if (!running) turnOff();
  });

  let connected = false;
  /** Follows the run's weights notices from then on; later calls do nothing. */
  function connect(): void {
    if (connected) return;
    connected = true;
    api.onEvent((event) => {
      if (event.type === 'run-weights' && enabled.value) void fetchWeights();
    });
  }

  return { enabled, predictor, at, error, loading, available, setEnabled, connect };
});
