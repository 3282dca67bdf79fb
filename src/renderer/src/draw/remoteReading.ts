/**
 * Reading drawings with a model the backend runs (stores/tfliteDrawing.ts): its answers come later and could arrive
 * after the drawing changed again. At most one request is in flight; drawings made meanwhile wait in a single slot,
 * each replacing the one before, so the newest is asked next; an answer for a drawing that is no longer the newest is
 * dropped, so the page only ever shows the newest drawing's reading.
 */
import { ref, watch } from 'vue';
import { noDigit, readingOf, type Prediction, type RemotePredictor } from './predict';

interface Ask {
  ticket: number;
  model: RemotePredictor;
  input: Float32Array;
  /** How many completed strokes the drawing has. */
  strokes: number;
}

/** `show` gets each answer that is still the newest drawing's, with the stroke count it was read from. */
export function useRemoteReading(show: (prediction: Prediction, strokes: number) => void) {
  /** The newest drawing's ticket: an answer with an older one is stale. */
  let newest = 0;
  let inFlight = false;
  let waiting: Ask | null = null;
  /** Whether the newest drawing's answer is still to come (the page's reading is of an older drawing meanwhile). */
  const awaiting = ref(false);

  async function send(ask: Ask): Promise<void> {
    inFlight = true;
    let answer: Prediction;
    try {
      answer = readingOf(ask.input, await ask.model.remote(ask.input));
    } catch {
      // The store that made the model says why; the drawing shows as unread.
      answer = noDigit(ask.input);
    }
    inFlight = false;
    if (ask.ticket === newest) {
      awaiting.value = false;
      show(answer, ask.strokes);
    }
    const next = waiting;
    waiting = null;
    if (next) void send(next);
  }

  /** Asks `model` about the drawing, now or as soon as the request in flight is answered. */
  function ask(model: RemotePredictor, input: Float32Array, strokes: number): void {
    const request = { ticket: ++newest, model, input, strokes };
    awaiting.value = true;
    if (inFlight) waiting = request;
    else void send(request);
  }

  /** A drawing read without the backend replaced any asked about: their answers are dropped. */
  function supersede(): void {
    newest++;
    waiting = null;
    awaiting.value = false;
  }

  /** Resolves once no reading is awaited: the newest drawing's is shown, or it was superseded. */
  function settled(): Promise<void> {
    if (!awaiting.value) return Promise.resolve();
    return new Promise((resolve) => {
      const stop = watch(awaiting, (waitingNow) => {
        if (waitingNow) return;
        stop();
        resolve();
      });
    });
  }

  return { ask, supersede, awaiting, settled };
}
