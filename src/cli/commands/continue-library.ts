/**
 * train --continue MODEL --epochs N: a model of the app's library (the app's user folder, or --user-dir) trained N
 * more epochs with its own settings and optimizer state, as the app's "continue" does: the model's run record grows
 * as the epochs end, and the result enters the library as a new model with its optimizer state. The folder is
 * locked against the app meanwhile, so the two never write the same records.
 */
import { fileURLToPath } from 'node:url';
import type { TrainingEvent } from '../../core/api/training-events';
import { trainedMeta } from '../../core/service/app-service';
import { planContinue } from '../../core/service/continue-run';
import { ModelStore } from '../../core/service/model-store';
import { RunRecorder } from '../../core/service/run-recorder';
import { RunStore } from '../../core/service/run-store';
import { SampleStore } from '../../core/service/sample-store';
import { defaultUserDir } from '../../core/service/user-dir';
import { lockUserDir } from '../../core/service/user-dir-lock';
import type { TrainingResult } from '../../core/training';
import type { TrainingInputs } from '../../core/training/worker-protocol';
import type { TrainConfig } from '../../core/api/train-config';
import { UsageError, integerFlag, type ParsedCommand } from '../args';

const BUNDLED = fileURLToPath(new URL('../../../resources/models', import.meta.url));

/** The flags that go with --continue; the others set what it takes from the model. */
const CONTINUE_FLAGS = ['continue', 'epochs', 'user-dir', 'data-dir', 'out', 'history', 'json'];

export interface LibraryContinuation {
  config: TrainConfig;
  inputs: TrainingInputs;
  recorder: RunRecorder;
  /** Records an event; the record is written when it grew (an epoch), as the app writes it. */
  record(event: TrainingEvent): void;
  /** Saves the model (with its optimizer state) to the library and ends the record: the new model's id, or null. */
  finish(result: TrainingResult): Promise<string | null>;
  release(): void;
}

/** The drawings a run that included them goes on with. */
async function savedDrawings(userDir: string) {
  const samples = await new SampleStore(userDir).digitSet();
  if (!samples.count) throw new UsageError(`the model was trained with your drawings, but ${userDir} holds none now`);
  return samples;
}

export async function openContinuation(values: ParsedCommand['values']): Promise<LibraryContinuation> {
  const id = values.continue as string;
  const epochs = integerFlag(values, 'epochs');
  if (epochs === undefined) throw new UsageError('--continue needs --epochs N: how many more epochs to train the model');
  const clash = Object.keys(values).find((flag) => !CONTINUE_FLAGS.includes(flag));
  if (clash) throw new UsageError(`--continue trains with the model's own settings: leave out --${clash}`);
  const userDir = typeof values['user-dir'] === 'string' ? values['user-dir'] : defaultUserDir();
  const lock = lockUserDir(userDir, 'cli');
  try {
    const store = new ModelStore(userDir, BUNDLED);
    const runs = new RunStore(userDir);
    const plan = await planContinue(store, runs, id, epochs);
    const inputs: TrainingInputs = plan.config.userSamples ? { ...plan.inputs, userSamples: await savedDrawings(userDir) } : plan.inputs;
    const recorder = plan.run ? RunRecorder.continuing(plan.run, plan.config) : new RunRecorder(plan.config);
    await runs.begin(recorder.record);
    return {
      config: plan.config,
      inputs,
      recorder,
      record(event) {
        if (recorder.add(event) && event.event !== 'done' && event.event !== 'failed') void runs.save(recorder.record);
      },
      async finish({ model, final, optimizer }) {
        let saved: string | null = null;
        if (model && final.event === 'done') {
          saved = (await store.addTrained(model, trainedMeta(plan.config, final), optimizer ? { epochs: final.epochs_completed, optimizer } : undefined)).id;
          recorder.setModel(saved);
        }
        await runs.save(recorder.record);
        return saved;
      },
      release: lock.release,
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
