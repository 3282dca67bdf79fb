/** The model library and the model chosen for drawing/evaluation, with a ready-to-run predictor. */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { DamagedModel, ModelEntry, Request } from '../../../core/api/contract';
import type { LayerModel } from '../../../core/api/layer-model';
import { decodeModel } from '../../../core/api/model-weights';
import { createPredictor } from '../../../core/inference/forward';
import { api, messageOf } from '../api/client';

export const useModelsStore = defineStore('models', () => {
  const models = ref<ModelEntry[]>([]);
  /** Entries of the library folder that are not usable models: the Models page shows why, and removes them. */
  const damaged = ref<DamagedModel[]>([]);
  const selectedId = ref<string | null>(null);
  const predictor = shallowRef<((input: ArrayLike<number>) => Float32Array) | null>(null);
  /** The chosen model's layers and weights, for the Network page's weight views. */
  const layerModel = shallowRef<LayerModel | null>(null);
  const error = ref<string | null>(null);
  const loading = ref(false);

  const selected = computed(() => models.value.find((m) => m.id === selectedId.value) ?? null);

  async function refresh(): Promise<void> {
    try {
      [models.value, damaged.value] = await Promise.all([api.call('listModels', {}), api.call('listDamagedModels', {})]);
      if (!selected.value && models.value.length) await select(models.value[0].id);
    } catch (e) {
      error.value = messageOf(e);
    }
  }

  async function select(id: string): Promise<void> {
    selectedId.value = id;
    loading.value = true;
    try {
      const model = decodeModel(await api.call('getModel', { id }));
      if (selectedId.value !== id) return; // another choice was made meanwhile
      predictor.value = createPredictor(model);
      layerModel.value = model;
      error.value = null;
    } catch (e) {
      predictor.value = null;
      layerModel.value = null;
      error.value = messageOf(e);
    } finally {
      loading.value = false;
    }
  }

  /** Adds an uploaded .h5 / model.json to the library; the backend's refusal is thrown as a readable error. */
  async function importModel(request: Request<'importModel'>): Promise<ModelEntry> {
    const entry = await api.call('importModel', request);
    await refresh();
    return entry;
  }

  /** Deletes a saved model; if it was the chosen one, the first remaining model is chosen instead. */
  async function remove(id: string): Promise<void> {
    await api.call('deleteModel', { id });
    await refresh();
  }

  /** Removes a damaged entry's folder from the library. */
  async function removeDamaged(folder: string): Promise<void> {
    await api.call('removeDamagedModel', { folder });
    await refresh();
  }

  function connect(): Promise<void> {
    api.onEvent((event) => {
      if (event.type === 'models-changed') void refresh();
    });
    return refresh();
  }

  return { models, damaged, selectedId, selected, predictor, layerModel, error, loading, refresh, select, importModel, remove, removeDamaged, connect };
});
