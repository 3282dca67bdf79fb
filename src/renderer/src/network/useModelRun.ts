/**
 * The record of the run that trained the chosen model (a continued run grows the same record), read again when the
 * Runs list says it grew or ended, so the Network page's lines over the epochs follow it.
 */
import { computed, shallowRef, watch, type Ref } from 'vue';
import type { RunRecord } from '../../../core/api/run-history';
import { api, messageOf } from '../api/client';
import { useRunsStore } from '../stores/runs';

export function useModelRun(modelId: Readonly<Ref<string | null>>) {
  const runs = useRunsStore();
  const record = shallowRef<RunRecord | null>(null);
  const error = shallowRef<string | null>(null);
  const summary = computed(() => (modelId.value === null ? null : (runs.runs.find((run) => run.modelId === modelId.value) ?? null)));

  watch(
    () => summary.value && `${summary.value.id} ${summary.value.epochsCompleted} ${summary.value.status}`,
    async () => {
      const id = summary.value?.id ?? null;
      if (id === null) {
        record.value = null;
        return;
      }
      try {
        const read = await api.call('getRun', { id });
        if (summary.value?.id === id) [record.value, error.value] = [read, null];
      } catch (e) {
        if (summary.value?.id === id) [record.value, error.value] = [null, messageOf(e)];
      }
    },
    { immediate: true },
  );

  return { record, error, connect: runs.connect };
}
