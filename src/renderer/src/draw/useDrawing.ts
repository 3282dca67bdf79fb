/**
 * The Draw page's state: the strokes, an undo history, and the prediction for them. The prediction is
 * recomputed after every change, and while a stroke is being drawn at most every LIVE_INTERVAL ms: at once by a model
 * run in the page, when its answer comes by a model the backend runs (remoteReading.ts).
 */
import { computed, nextTick, ref, shallowRef, watch, type Ref } from 'vue';
import { noDigit, predictStrokes, strokesInput, type Prediction, type Reader, type RemotePredictor } from './predict';
import { useRemoteReading } from './remoteReading';
import type { Stroke } from './strokes';

const LIVE_INTERVAL = 100;
const HISTORY_LIMIT = 100;
const TIMING_LIMIT = 200;

declare global {
  interface Window {
    /**
     * Benchmark hook (read by `npm run bench`): the last 200 stroke-end → prediction-shown durations in ms,
     * oldest first, each measured with performance.now() from the pointer being lifted to the DOM showing
     * the prediction computed with that stroke.
     */
    __digitStudioDrawTiming?: number[];
    /** Benchmark hook: the last 200 preprocessing + prediction durations in ms of the drawings read, oldest first. */
    __digitStudioPredictTiming?: number[];
  }
}

function recordTiming(timings: number[], ms: number): void {
  timings.push(ms);
  if (timings.length > TIMING_LIMIT) timings.splice(0, timings.length - TIMING_LIMIT);
}

const NO_PREDICTION: Prediction = noDigit(new Float32Array(784));

export function useDrawing(predictor: Readonly<Ref<Reader | null>>) {
  const strokes = shallowRef<Stroke[]>([]);
  const history = shallowRef<Stroke[][]>([]);
  const prediction = shallowRef<Prediction>(NO_PREDICTION);
  /** How many completed strokes the shown prediction was computed from. */
  const predictedStrokes = ref(0);
  /** The stroke being drawn and the pending throttled prediction for it. */
  let live: readonly number[] | null = null;
  let liveTimer: ReturnType<typeof setTimeout> | undefined;
  let lastLive = -Infinity;
  const remote = useRemoteReading((answer, count) => {
    predictedStrokes.value = count;
    prediction.value = answer;
  });

  /** The backend's model is asked about a digit; the shown reading stays the last one's until it answers. */
  function askRemote(model: RemotePredictor, lines: ReadonlyArray<ArrayLike<number>>): void {
    const { pixels, empty } = strokesInput(lines);
    if (!empty) return remote.ask(model, pixels, strokes.value.length);
    remote.supersede();
    predictedStrokes.value = strokes.value.length;
    prediction.value = noDigit(pixels);
  }

  function predict(inProgress?: readonly number[]): void {
    const model = predictor.value;
    const lines: Array<ArrayLike<number>> = strokes.value.map((s) => s.points);
    if (inProgress) lines.push(inProgress);
    if (model && typeof model !== 'function') return askRemote(model, lines);
    remote.supersede();
    predictedStrokes.value = strokes.value.length;
    const started = performance.now();
    prediction.value = model ? predictStrokes(lines, model) : NO_PREDICTION;
    // Only drawings the model read are timed: an empty canvas or a dot costs next to nothing.
    if (prediction.value.digit !== null) recordTiming((window.__digitStudioPredictTiming ??= []), performance.now() - started);
  }

  function stopLive(): void {
    live = null;
    clearTimeout(liveTimer);
    liveTimer = undefined;
  }

  function commit(next: Stroke[]): void {
    stopLive();
    history.value = [...history.value.slice(-(HISTORY_LIMIT - 1)), strokes.value];
    strokes.value = next;
    predict();
  }

  async function addStroke(stroke: Stroke, endedAt: number): Promise<void> {
    commit([...strokes.value, stroke]);
    // A model the backend runs shows its reading when the answer comes: the time is taken then.
    if (remote.awaiting.value) await remote.settled();
    await nextTick();
    recordTiming((window.__digitStudioDrawTiming ??= []), performance.now() - endedAt);
  }

  function strokeProgress(points: readonly number[]): void {
    live = points;
    if (liveTimer !== undefined) return;
    liveTimer = setTimeout(
      () => {
        liveTimer = undefined;
        lastLive = performance.now();
        if (live) predict(live);
      },
      Math.max(0, lastLive + LIVE_INTERVAL - performance.now()),
    );
  }

  function erase(ids: readonly number[]): void {
    const remaining = strokes.value.filter((s) => !ids.includes(s.id));
    if (remaining.length !== strokes.value.length) commit(remaining);
  }

  function clear(): void {
    if (strokes.value.length) {
      commit([]);
    } else {
      stopLive();
      predict();
    }
  }

  function undo(): void {
    const past = history.value;
    if (!past.length) return;
    stopLive();
    strokes.value = past[past.length - 1];
    history.value = past.slice(0, -1);
    predict();
  }

  // A model chosen or loaded later re-reads the drawing.
  watch(predictor, () => predict());

  return {
    strokes,
    prediction,
    predictedStrokes,
    /** The newest drawing is with the backend's model: the shown reading is an older drawing's until it answers. */
    awaiting: remote.awaiting,
    canUndo: computed(() => history.value.length > 0),
    addStroke,
    strokeProgress,
    erase,
    clear,
    undo,
  };
}
