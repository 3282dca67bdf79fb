/** The user's saved drawings ("teach it my handwriting"): the list, counts per digit, and the changes to it. */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { bytesToBase64 } from '../../../core/api/base64';
import type { SampleEntry, SampleStroke } from '../../../core/api/contract';
import { api, messageOf } from '../api/client';
import { downloadFile } from '../shared/download';

/** The model input as the store keeps it: values in [0, 1] → bytes 0–255. */
export function inputToBytes(input: ArrayLike<number>): Uint8Array {
  return Uint8Array.from(input, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
}

export const useSamplesStore = defineStore('samples', () => {
  const samples = ref<SampleEntry[]>([]);
  const limit = ref<number | null>(null);
  const loaded = ref(false);
  const error = ref<string | null>(null);

  /** How many drawings of each digit 0–9 are saved. */
  const counts = computed(() => {
    const perDigit = new Array<number>(10).fill(0);
    for (const s of samples.value) perDigit[s.label]++;
    return perDigit;
  });

  async function refresh(): Promise<void> {
    try {
      const listed = await api.call('listSamples', {});
      samples.value = listed.samples;
      limit.value = listed.limit;
      loaded.value = true;
      error.value = null;
    } catch (e) {
      error.value = messageOf(e);
    }
  }

  /** Saves a drawing with the label the user gave it; the backend's refusal (e.g. the cap) is thrown. */
  async function save(label: number, strokes: ReadonlyArray<{ points: number[]; widths: number[] }>, input: ArrayLike<number>): Promise<SampleEntry> {
    const request = { label, strokes: strokes.map(({ points, widths }): SampleStroke => ({ points, widths })), pixels: bytesToBase64(inputToBytes(input)) };
    const saved = await api.call('saveSample', request);
    samples.value = [saved, ...samples.value.filter((s) => s.id !== saved.id)];
    return saved;
  }

  async function relabel(id: string, label: number): Promise<void> {
    const changed = await api.call('relabelSample', { id, label });
    samples.value = samples.value.map((s) => (s.id === id ? changed : s));
  }

  async function remove(id: string): Promise<void> {
    await api.call('deleteSample', { id });
    samples.value = samples.value.filter((s) => s.id !== id);
  }

  /** Downloads the set as MNIST-format files: images idx3-ubyte and labels idx1-ubyte. */
  async function exportIdx(): Promise<number> {
    const { images, labels, count } = await api.call('exportSamples', { format: 'idx' });
    downloadFile(images);
    downloadFile(labels);
    return count;
  }

  function connect(): Promise<void> {
    api.onEvent((event) => {
      if (event.type === 'samples-changed') void refresh();
    });
    return refresh();
  }

  return { samples, limit, loaded, error, counts, refresh, save, relabel, remove, exportIdx, connect };
});
