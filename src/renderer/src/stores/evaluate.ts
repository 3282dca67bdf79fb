/**
 * Test-set evaluations, kept per model so switching back and forth does not re-run them: library models by id,
 * and a .tflite file opened on the Evaluate page (run in LiteRT.js, not added to the library) by its file name.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { EvaluationResult } from '../../../core/api/contract';
import { api, messageOf } from '../api/client';
import { base64Of } from '../models/import-request';

/** Where a file's result is kept: apart from model ids, which a file name could spell. */
export const fileKey = (file: File): string => `file:${file.name}`;

export const useEvaluateStore = defineStore('evaluate', () => {
  const results = shallowRef<Record<string, EvaluationResult>>({});
  /** Models and files whose evaluation is in flight. */
  const pending = ref<string[]>([]);
  const errors = ref<Record<string, string>>({});
  /** The .tflite file the page shows instead of the chosen library model, kept so it can be evaluated again. */
  const file = shallowRef<File | null>(null);

  async function track(key: string, evaluate: () => Promise<EvaluationResult>): Promise<void> {
    if (pending.value.includes(key)) return;
    pending.value = [...pending.value, key];
    errors.value = Object.fromEntries(Object.entries(errors.value).filter(([k]) => k !== key));
    try {
      const result = await evaluate();
      results.value = { ...results.value, [key]: result };
    } catch (e) {
      errors.value = { ...errors.value, [key]: messageOf(e) };
    } finally {
      pending.value = pending.value.filter((p) => p !== key);
    }
  }

  function run(id: string): Promise<void> {
    return track(id, () => api.call('evaluateModel', { id }));
  }

  /** Shows this .tflite file on the page and evaluates it. */
  function runFile(picked: File): Promise<void> {
    file.value = picked;
    return track(fileKey(picked), async () => api.call('evaluateTfliteFile', { fileName: picked.name, data: await base64Of(picked) }));
  }

  /** Back to the library model chosen on the page. */
  function closeFile(): void {
    file.value = null;
  }

  /** Stops the evaluation in flight; its run() then records "evaluation cancelled". */
  async function cancel(): Promise<void> {
    await api.call('cancelJob', { job: 'evaluate' }).catch(() => undefined);
  }

  return { results, pending, errors, file, run, runFile, closeFile, cancel };
});
