/**
 * Work spread over animation frames, so that the Network page's hundreds of tile canvases and its charts do not
 * make one long task (issue 19: none over 50 ms while training runs beside it).
 */
import { onBeforeUnmount, onMounted, ref, watch, type Ref, type WatchSource } from 'vue';

/**
 * Wall-clock time given to steps per frame, all runs together (five tile grids drawing at once share it rather
 * than take it five times). A wall-clock budget rather than a count of steps: when training shares the cores, each
 * step takes longer and fewer run per frame.
 */
export const FRAME_BUDGET_MS = 8;

/** Work done one step at a time: a list of steps, or an iterator each of whose `next()` calls is one step. */
export type Steps = ReadonlyArray<() => void> | Iterator<unknown>;

interface StepRun {
  steps: Iterator<unknown>;
  done: () => void;
  /** A turn (inTurn): starts a frame of its own, and no other step follows it in that frame. */
  alone: boolean;
}
/** Runs with steps left, oldest first: each frame takes steps from the oldest until the budget is spent. */
const runs: StepRun[] = [];
let scheduled = 0;

function* callEach(steps: ReadonlyArray<() => void>): Iterator<void> {
  for (const step of steps) yield step();
}

function runSteps(): void {
  const until = performance.now() + FRAME_BUDGET_MS;
  for (let ran = 0; runs.length; ) {
    const run = runs[0];
    if (run.alone && ran > 0) return;
    if (run.steps.next().done) {
      runs.shift();
      run.done();
      continue;
    }
    ran++;
    if (run.alone) {
      // A turn is one callback: done once it has run.
      runs.shift();
      run.done();
      return;
    }
    if (performance.now() >= until) return;
  }
}

function runFrame(): void {
  scheduled = 0;
  try {
    runSteps();
  } finally {
    // A step that throws ends its own run (a generator that threw is done), not the others.
    if (runs.length && !scheduled) scheduled = requestAnimationFrame(runFrame);
  }
}

/**
 * Runs the steps in order from the next animation frame on, as many per frame as fit in FRAME_BUDGET_MS (at least
 * one), after the steps of runs started earlier, and `done` after the last: never in the task that asked (a
 * component's mount is work enough for one task). Returns a function that drops the steps not run yet (and `done`).
 */
export function runInFrames(steps: Steps, done: () => void = () => undefined, alone = false): () => void {
  const run: StepRun = { steps: Array.isArray(steps) ? callEach(steps) : (steps as Iterator<unknown>), done, alone };
  runs.push(run);
  if (!scheduled) scheduled = requestAnimationFrame(runFrame);
  return () => {
    const at = runs.indexOf(run);
    if (at >= 0) runs.splice(at, 1);
  };
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

/**
 * Runs `callback` (something heavy: an echarts chart takes 5–10 ms warm and ~50 ms for the page's first) in an
 * animation frame of its own, after the steps asked for before it: charts asked for at once are made one per frame,
 * and nothing else runs in their frames. Returns a function that drops it if it has not run.
 */
export function inTurn(callback: () => void): () => void {
  return runInFrames([callback], undefined, true);
}

/** How near the viewport (CSS px) a part must come to be made: a little ahead of scrolling to it. */
const SEEN_MARGIN_PX = 200;

/**
 * Becomes true, for good, in its own turn (inTurn) once `target` comes near the viewport: what nobody scrolled to is
 * never made (the Network page's charts below the tiles). Without IntersectionObserver it comes true in turn at once.
 */
export function useSeen(target: Readonly<Ref<Element | null | undefined>>): Readonly<Ref<boolean>> {
  const seen = ref(false);
  let observer: IntersectionObserver | null = null;
  let dequeue = (): void => undefined;
  const reveal = (): void => {
    observer?.disconnect();
    dequeue = inTurn(() => (seen.value = true));
  };
  onMounted(() => {
    if (typeof IntersectionObserver === 'undefined' || !target.value) return reveal();
    observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && reveal(), { rootMargin: `${SEEN_MARGIN_PX}px` });
    observer.observe(target.value);
  });
  onBeforeUnmount(() => {
    observer?.disconnect();
    dequeue();
  });
  return seen;
}
