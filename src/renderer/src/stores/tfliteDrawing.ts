/**
 * A .tflite file the Draw page reads drawings with. The backend compiles it in LiteRT.js and keeps it (one at a
 * time); each drawing goes there as its 784 model-input values and comes back as 10 probabilities. The file stays
 * open while the page reads with a library model, so it can be chosen again without opening it again.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { TfliteDrawingModel } from '../../../core/api/contract';
import { api, messageOf } from '../api/client';
import type { RemotePredictor } from '../draw/predict';
import { base64Of } from '../models/import-request';

export const useTfliteDrawingStore = defineStore('tfliteDrawing', () => {
  /** The file open in the backend. */
  const model = shallowRef<TfliteDrawingModel | null>(null);
  /** The Draw page reads with the file rather than with the library model chosen. */
  const inUse = ref(false);
  /** The name of the file being opened (compiled in the backend), null when none is. */
  const opening = ref<string | null>(null);
  const error = ref<string | null>(null);
  // An open that finishes after a later one began is ignored: the later file is the one the user chose.
  let latest = 0;

  async function open(file: File): Promise<void> {
    const ticket = ++latest;
    opening.value = file.name;
    inUse.value = true;
    error.value = null;
    try {
      const opened = await api.call('openTfliteForDrawing', { fileName: file.name, data: await base64Of(file) });
      if (ticket === latest) model.value = opened;
    } catch (e) {
      if (ticket !== latest) return;
      error.value = `${file.name}: ${messageOf(e)}`;
      // The file open before, if any, is still open in the backend and still reads.
      inUse.value = model.value !== null;
    } finally {
      if (ticket === latest) opening.value = null;
    }
  }

  async function remote(id: string, input: Float32Array): Promise<Float32Array> {
    try {
      const { probabilities } = await api.call('predictTflite', { id, input: Array.from(input) });
      error.value = null;
      return Float32Array.from(probabilities);
    } catch (e) {
      error.value = messageOf(e);
      throw e;
    }
  }

  /** What reads the drawing while the file is in use; a new one for each file, so the page re-reads its drawing. */
  const predictor = computed<RemotePredictor | null>(() => {
    const id = model.value?.id;
    return inUse.value && id && !opening.value ? { remote: (input) => remote(id, input) } : null;
  });

  /** Reads with the open file (true) or with the library model chosen (false). */
  function use(on: boolean): void {
    inUse.value = on && model.value !== null;
    if (!on) error.value = null;
  }

  return { model, inUse, opening, error, predictor, open, use };
});
