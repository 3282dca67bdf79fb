/**
 * How the two workers of a split step synchronise: one small SharedArrayBuffer of counters and arguments,
 * Atomics only. Each side spins for up to a millisecond before it sleeps in Atomics.wait: a step takes about
 * half that on idle cores, and waking a sleeping thread costs about a hundred microseconds, as much as a
 * quarter of a step. Nothing is allocated per step. A helper that fails leaves its message here, since
 * worker 0 waits in Atomics and cannot receive events.
 */

/** Int32 slots of the control buffer. */
export const SLOT = {
  /** Job number, raised by worker 0 when it posts a job. */
  job: 0,
  command: 1,
  /** A step: the helper's samples order[start .. start + n) of a batch of `batch`; an evaluation: set, from, to. */
  arg0: 2,
  arg1: 3,
  arg2: 4,
  /** The job number whose gradient the helper / worker 0 has stored. */
  helperGradient: 5,
  ownGradient: 6,
  /** The job number the helper has finished (its update share applied, or its evaluation summed). */
  helperDone: 7,
  /** Nonzero once the helper failed; its message went to the parent. */
  failed: 8,
  /** The helper's hits for the job. */
  correct: 9,
  /** Bytes of the helper's failure message. */
  messageLength: 10,
} as const;

export const COMMAND = { step: 1, evaluate: 2, stop: 3 } as const;

const INT32_SLOTS = 12;
/** Float64 slot (after the Int32 slots): the helper's summed loss for the job. */
const LOSS_SLOT = INT32_SLOTS / 2;
const MESSAGE_BYTES = 512;
const BUFFER_BYTES = 8 * (LOSS_SLOT + 1) + MESSAGE_BYTES;
const SPIN_MS = 1;
/** Loads between clock reads while spinning. */
const SPIN_BATCH = 256;
/** Worker 0 gives up on a helper that has not answered for this long. */
const PATIENCE_MS = 30_000;

export class HelperFailedError extends Error {}

export class Handshake {
  private readonly ints: Int32Array;
  private readonly floats: Float64Array;
  private readonly message: Uint8Array;

  constructor(readonly buffer = new SharedArrayBuffer(BUFFER_BYTES)) {
    this.ints = new Int32Array(buffer, 0, INT32_SLOTS);
    this.floats = new Float64Array(buffer, 0, LOSS_SLOT + 1);
    this.message = new Uint8Array(buffer, 8 * (LOSS_SLOT + 1), MESSAGE_BYTES);
  }

  get(slot: number): number {
    return Atomics.load(this.ints, slot);
  }

  set(slot: number, value: number): void {
    Atomics.store(this.ints, slot, value);
  }

  /** Publishes a counter and wakes the other side if it sleeps on it. */
  signal(slot: number, value: number): void {
    Atomics.store(this.ints, slot, value);
    Atomics.notify(this.ints, slot);
  }

  /** Until the slot holds `expected`; throws if the helper failed or did not answer within `patienceMs`. */
  waitFor(slot: number, expected: number, patienceMs = PATIENCE_MS): void {
    const spinUntil = performance.now() + SPIN_MS;
    do {
      for (let i = 0; i < SPIN_BATCH; i++) if (Atomics.load(this.ints, slot) === expected) return;
    } while (performance.now() < spinUntil);
    const deadline = Date.now() + patienceMs;
    for (;;) {
      const now = Atomics.load(this.ints, slot);
      if (now === expected) return;
      if (Atomics.load(this.ints, SLOT.failed) !== 0) throw new HelperFailedError(`the second engine worker failed: ${this.failure()}`);
      if (Date.now() > deadline) throw new HelperFailedError(`the second engine worker did not answer for ${patienceMs / 1000} s`);
      Atomics.wait(this.ints, slot, now, 100);
    }
  }

  /** Called by the helper when it cannot go on: the message for worker 0, then the failed flag. */
  fail(message: string): void {
    const bytes = new TextEncoder().encode(message).subarray(0, MESSAGE_BYTES);
    this.message.set(bytes);
    this.set(SLOT.messageLength, bytes.length);
    this.signal(SLOT.failed, 1);
  }

  private failure(): string {
    return new TextDecoder().decode(this.message.slice(0, this.get(SLOT.messageLength)));
  }

  /** The helper's sums for the job just finished. */
  helperSums(): { loss: number; correct: number } {
    return { loss: this.floats[LOSS_SLOT], correct: Atomics.load(this.ints, SLOT.correct) };
  }

  /** Written by the helper before it signals. */
  setHelperSums(loss: number, correct: number): void {
    this.floats[LOSS_SLOT] = loss;
    Atomics.store(this.ints, SLOT.correct, correct);
  }
}
