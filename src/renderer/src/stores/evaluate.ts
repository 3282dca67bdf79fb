/** Test-set evaluations, kept per model so switching back and forth does not re-run them. */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { EvaluationResult } from '../../../core/api/contract';
import { api, messageOf } from '../api/client';

export const useEvaluateStore = defineStore('evaluate', () => {
  const results = shallowRef<Record<string, EvaluationResult>>({});
  /** Models whose evaluation is in flight. */
  const pending = ref<string[]>([]);
  const errors = ref<Record<string, string>>({});

  async function run(id: string): Promise<void> {
    if (pending.value.includes(id)) return;
    pending.value = [...pending.value, id];
    errors.value = Object.fromEntries(Object.entries(errors.value).filter(([key]) => key !== id));
    try {
      const result = await api.call('evaluateModel', { id });
      results.value = { ...results.value, [id]: result };
    } catch (e) {
      errors.value = { ...errors.value, [id]: messageOf(e) };
    } finally {
      pending.value = pending.value.filter((p) => p !== id);
    }
  }

  /** Stops the evaluation in flight; its run() then records "evaluation cancelled". */
  async function cancel(): Promise<void> {
    await api.call('cancelJob', { job: 'evaluate' }).catch(() => undefined);
  }

  return { results, pending, errors, run, cancel };
});
