/**
 * The Draw page's current drawing as the model reads it, for the Network page's view of every layer's activations.
 * Only the values are shared: the Network page runs its own tracer on them, so the Draw page's prediction pays
 * nothing for it.
 */
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';

export const useDrawnDigitStore = defineStore('drawnDigit', () => {
  /** 784 values in [0, 1], row-major 28×28; null while there is no digit to read. */
  const input = shallowRef<Float32Array | null>(null);
  return { input };
});
