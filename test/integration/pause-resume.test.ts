/**
 * Pause and resume through the real training session (worker thread): on the engine (one thread and two), and
 * on tfjs' WebAssembly backend, a run paused twice and resumed ends with exactly the steps, losses and weights of
 * the same seeded run never paused, optimizer moments, data order and augmented images included; a paused run can
 * be stopped; pausing twice or resuming a running run answers with the state found.
 */
import { describe, expect, it } from 'vitest';
import { RECOMMENDED, type TrainConfig } from '../../src/core/api/train-config';
import type { BatchEvent, DoneEvent, EpochEvent, ResumedEvent, TrainingEvent } from '../../src/core/api/training-events';
import { TrainingSession, type TrainingResult } from '../../src/core/training';

/**
 * Adam (moments to keep) on augmented images (a worker's epoch stream to keep): 4,800 training images, 150 batches an
 * epoch, so that a pause asked for at the end of epoch 1 lands well inside epoch 2.
 */
const CONFIG: TrainConfig = { ...RECOMMENDED, epochs: 2, limit: 6000, batchSize: 32, seed: 5, augment: true, backend: 'engine' };

async function run(session: TrainingSession, config: TrainConfig, onEvent: (e: TrainingEvent) => void = () => undefined): Promise<{ events: TrainingEvent[]; result: TrainingResult }> {
  const events: TrainingEvent[] = [];
  const result = await session.start(config, (e) => {
    events.push(e);
    onEvent(e);
  });
  return { events, result };
}

const ofKind = <K extends TrainingEvent['event']>(events: TrainingEvent[], kind: K) => events.filter((e): e is Extract<TrainingEvent, { event: K }> => e.event === kind);
const bits = (result: TrainingResult) => result.model!.weights.map((w) => [Buffer.from(w.kernel.buffer).toString('hex'), Buffer.from(w.bias.buffer).toString('hex')]);
/** Batches trained: the last batch event of every epoch (always emitted) says how many that epoch had. */
const steps = (events: TrainingEvent[]) => ofKind(events, 'batch').filter((b: BatchEvent) => b.batch === b.batches).reduce((sum, b) => sum + b.batches, 0);

describe('pause and resume', () => {
  it.each([
    ['the engine', CONFIG],
    ['the engine on two workers', { ...CONFIG, threads: 2 }],
    ["tfjs' WebAssembly backend", { ...CONFIG, backend: 'wasm' }],
  ] satisfies Array<[string, TrainConfig]>)('on %s, a run paused twice and resumed ends with the same steps, losses and weights as the run never paused', async (_, config) => {
    const plain = await run(new TrainingSession(), config);

    const session = new TrainingSession();
    const paused = await run(session, config, (e) => {
      if (e.event === 'start' || (e.event === 'epoch' && e.epoch === 1)) expect(session.pause()).toBe('running');
      // The main thread keeps serving while the worker sleeps: this timer fires, and resumes it.
      if (e.event === 'paused') setTimeout(() => expect(session.resume()).toBe('paused'), 300);
    });

    // Paused once in each epoch (after whichever batch was training when the request landed), resumed right there.
    const pauses = ofKind(paused.events, 'paused');
    expect(pauses.map((p) => p.epoch)).toEqual([1, 2]);
    expect(pauses.every((p) => p.backend === config.backend && p.batches === 150 && p.batch >= 1 && p.batch < 150)).toBe(true);
    const resumed = ofKind(paused.events, 'resumed');
    expect(resumed.map(({ epoch, batch }: ResumedEvent) => [epoch, batch])).toEqual(pauses.map((p) => [p.epoch, p.batch]));
    for (const r of resumed) expect(r.paused_seconds).toBeGreaterThanOrEqual(0.29);
    // The batch event at the pause is followed by 'paused', then 'resumed', then training goes on.
    const at = paused.events.findIndex((e) => e.event === 'paused');
    expect(paused.events.slice(at - 1, at + 2).map((e) => e.event)).toEqual(['batch', 'paused', 'resumed']);

    expect(steps(paused.events)).toBe(300);
    expect(steps(paused.events)).toBe(steps(plain.events));
    const losses = (events: TrainingEvent[]) => ofKind(events, 'epoch').map((e: EpochEvent) => [e.loss, e.accuracy, e.val_loss, e.val_accuracy]);
    expect(losses(paused.events)).toEqual(losses(plain.events));
    const final = (r: TrainingResult) => r.final as DoneEvent;
    expect(final(paused.result)).toMatchObject({ stopped: 'completed', epochs_completed: 2, test_loss: final(plain.result).test_loss });
    expect(bits(paused.result)).toEqual(bits(plain.result));
  });

  it('a paused run stops when asked, with the weights it has; second clicks get the state, not a crash', async () => {
    const session = new TrainingSession();
    expect(session.pause()).toBe('idle');
    expect(session.resume()).toBe('idle');
    const { events, result } = await run(session, CONFIG, (e) => {
      if (e.event === 'start') {
        expect(session.resume()).toBe('running');
        expect(session.pause()).toBe('running');
        expect(session.pause()).toBe('paused');
      }
      if (e.event === 'paused') setTimeout(() => session.cancel(), 100);
    });
    expect(ofKind(events, 'paused')).toHaveLength(1);
    expect(ofKind(events, 'resumed')).toHaveLength(0);
    expect(ofKind(events, 'batch').at(-1)).toMatchObject({ epoch: 1, batch: 1 });
    expect(result.final).toMatchObject({ event: 'done', stopped: 'cancelled', epochs_completed: 0 });
    expect(result.model).not.toBeNull();
    expect(session.running).toBe(false);
    expect(session.pause()).toBe('idle');
  });
});
