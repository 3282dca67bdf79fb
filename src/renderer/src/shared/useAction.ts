/** A user action that may fail, as the cards and panels run them: one at a time, busy meanwhile, its failure in words. */
import { computed, ref } from 'vue';
import { messageOf } from '../api/client';

export function useAction() {
  /** What is running, in words ('' when it has none), or null. */
  const doing = ref<string | null>(null);
  const busy = computed(() => doing.value !== null);
  /** The last run's failure; cleared when the next run starts. */
  const error = ref<string | null>(null);

  async function run(action: () => Promise<unknown>, what = ''): Promise<void> {
    doing.value = what;
    error.value = null;
    try {
      await action();
    } catch (e) {
      error.value = messageOf(e);
    } finally {
      doing.value = null;
    }
  }

  return { doing, busy, error, run };
}
