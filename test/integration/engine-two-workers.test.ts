/**
 * Two engine workers through the real training session: the training worker starts the helper thread itself,
 * and the run reports the same metrics as the one-thread engine on the same seed and data, with `threads` in
 * its start event.
 */
import { describe, expect, it } from 'vitest';
import { KERAS_TUTORIAL, type TrainConfig } from '../../src/core/api/train-config';
import type { EpochEvent, TrainingEvent } from '../../src/core/api/training-events';
import { TrainingSession } from '../../src/core/training';

async function run(config: TrainConfig): Promise<TrainingEvent[]> {
  const events: TrainingEvent[] = [];
  await new TrainingSession().start(config, (e) => events.push(e));
  return events;
}

describe('engine with two workers in the training session', () => {
  it('trains the same curve as one thread and says it ran on two', async () => {
    const config: TrainConfig = { ...KERAS_TUTORIAL, epochs: 2, limit: 6000, seed: 11, backend: 'engine' };
    const one = await run({ ...config, threads: 1 });
    const two = await run({ ...config, threads: 2 });
    expect(one[0]).toMatchObject({ event: 'start', backend: 'engine', threads: 1 });
    expect(two[0]).toMatchObject({ event: 'start', backend: 'engine', threads: 2 });
    const epochs = (events: TrainingEvent[]): EpochEvent[] => events.filter((e): e is EpochEvent => e.event === 'epoch');
    expect(epochs(two)).toHaveLength(2);
    epochs(two).forEach((epoch, i) => {
      const reference = epochs(one)[i];
      expect(Math.abs(epoch.loss - reference.loss) / reference.loss).toBeLessThan(1e-4);
      expect(Math.abs(epoch.val_loss! - reference.val_loss!) / reference.val_loss!).toBeLessThan(1e-4);
      expect(Math.abs(epoch.val_accuracy! - reference.val_accuracy!)).toBeLessThanOrEqual(2 / 1200);
    });
    const [doneOne, doneTwo] = [one.at(-1), two.at(-1)] as Array<Extract<TrainingEvent, { event: 'done' }>>;
    expect(doneTwo).toMatchObject({ event: 'done', stopped: 'completed', epochs_completed: 2 });
    expect(Math.abs(doneTwo.test_accuracy - doneOne.test_accuracy)).toBeLessThanOrEqual(0.002);
  });
});
