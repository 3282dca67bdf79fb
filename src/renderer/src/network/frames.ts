/**
 * Work spread over animation frames, so that the Network page's hundreds of tile canvases and its charts do not
 * make one long task (issue 19: none over 50 ms while training runs beside it).
 */
import { onBeforeUnmount, ref, watch, type Ref, type WatchSource } from 'vue';

/**
 * Wall-clock time given to steps per frame. A wall-clock budget rather than a count of steps: when training shares
 * the cores, each step takes longer and fewer run per frame.
 */
export const FRAME_BUDGET_MS = 8;

/**
 * Runs the steps in order: the first at once, then as many per animation frame as fit in FRAME_BUDGET_MS (at
 * least one), and `done` after the last. Returns a function that drops the steps not run yet (and `done`).
 */
export function runInFrames(steps: ReadonlyArray<() => void>, done: () => void = () => undefined): () => void {
  let next = 0;
  let frame = 0;
  const run = (): void => {
    const until = performance.now() + FRAME_BUDGET_MS;
    while (next < steps.length) {
      steps[next++]();
      if (performance.now() >= until) break;
    }
    if (next < steps.length) frame = requestAnimationFrame(run);
    else done();
  };
  run();
  return () => cancelAnimationFrame(frame);
}

/**
 * How many of a page's heavy parts to show: none at first, then one more per animation frame up to `parts()`,
 * starting again from none whenever `key` changes (another model: every part is new). Each part is then mounted,
 * with its charts and canvases, in a task of its own.
 */
export function useStagger(key: WatchSource, parts: () => number): Readonly<Ref<number>> {
  const shown = ref(0);
  let frame = 0;
  const step = (): void => {
    if (shown.value >= parts()) return;
    shown.value++;
    frame = requestAnimationFrame(step);
  };
  watch(
    key,
    () => {
      cancelAnimationFrame(frame);
      shown.value = 0;
      frame = requestAnimationFrame(step);
    },
    { immediate: true },
  );
  onBeforeUnmount(() => cancelAnimationFrame(frame));
  return shown;
}
