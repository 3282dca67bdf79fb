/**
 * Stop and pause for a run in a worker thread: one Int32 state on a SharedArrayBuffer that both threads see. The
 * owner (the thread that serves the UI) only stores and notifies, so it never blocks; the training worker reads the
 * state after every batch and, while the run is paused, sleeps in Atomics.wait, which a worker thread may do. One
 * state instead of two flags: Atomics.wait checks that value before it sleeps, so a stop or resume that lands
 * between the worker's check and its sleep still wakes it.
 */

const RUNNING = 0;
const PAUSED = 1;
const STOPPING = 2;

/** What the run was doing when pause() or resume() was asked: the change is made only from the state it expects. */
export type RunState = 'running' | 'paused' | 'stopping';

const STATES: readonly RunState[] = ['running', 'paused', 'stopping'];

export class RunControl {
  private readonly state: Int32Array;

  constructor(readonly buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) {
    this.state = new Int32Array(buffer);
  }

  get stopRequested(): boolean {
    return Atomics.load(this.state, 0) === STOPPING;
  }

  get pauseRequested(): boolean {
    return Atomics.load(this.state, 0) === PAUSED;
  }

  /** Stop after the current batch, paused or not (a paused worker wakes up to stop). */
  stop(): void {
    Atomics.store(this.state, 0, STOPPING);
    Atomics.notify(this.state, 0);
  }

  /** Pauses a running run after its current batch; returns the state it found (only 'running' pauses). */
  pause(): RunState {
    return STATES[Atomics.compareExchange(this.state, 0, RUNNING, PAUSED)];
  }

  /** Resumes a paused run; returns the state it found (only 'paused' resumes). */
  resume(): RunState {
    const found = Atomics.compareExchange(this.state, 0, PAUSED, RUNNING);
    if (found === PAUSED) Atomics.notify(this.state, 0);
    return STATES[found];
  }

  /** Worker side: blocks this thread while the run is paused, until it is resumed or stopped. */
  waitWhilePaused(): void {
    while (Atomics.load(this.state, 0) === PAUSED) Atomics.wait(this.state, 0, PAUSED);
  }
}
