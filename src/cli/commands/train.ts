import { extname, resolve } from 'node:path';
import { BACKENDS } from '../../core/api/backends';
import { HIDDEN_ACTIVATIONS, OPTIMIZERS } from '../../core/api/model-spec';
import { PRESETS, parseTrainConfig, type PresetName, type TrainConfig } from '../../core/api/train-config';
import type { DoneEvent, TrainingEvent } from '../../core/api/training-events';
import { openModelFile, writeModelFile } from '../../core/formats/model-file';
import { writeFileAtomic } from '../../core/fs/atomic-write';
import { writeProblem } from '../../core/service/failure-message';
import { historyCsv } from '../../core/service/history-csv';
import { RunRecorder } from '../../core/service/run-recorder';
import { TrainingSession } from '../../core/training';
import { startModelProblem } from '../../core/training/fine-tune';
import type { TrainingInputs } from '../../core/training/worker-protocol';
import { ARCHITECTURE_OPTIONS, ARCHITECTURE_USAGE, cnnFromFlags } from '../architecture-flags';
import { UsageError, choiceFlag, integerFlag, listFlag, numberFlag, parseCommand } from '../args';
import { createHumanReporter, jsonReporter } from '../report';
import { openContinuation, type LibraryContinuation } from './continue-library';
import { CommandFailed } from './failure';

export const TRAIN_USAGE = `digit-studio train [--preset ${Object.keys(PRESETS).join('|')}] [--epochs N] [--batch-size N]
    [--learning-rate X] [--optimizer sgd|momentum|adam] [--momentum X] [--hidden 128,128]
    [--activation relu|sigmoid|tanh|linear] ${ARCHITECTURE_USAGE}
    [--validation-split X] [--limit N] [--seed N] [--augment|--no-augment]
    [--backend ${['auto', ...BACKENDS].join('|')}] [--threads 1|2|auto] [--start-from model.h5|model.json] [--data-dir DIR]
    [--out model.h5|model.json] [--history FILE.csv|FILE.json] [--json]
digit-studio train --continue MODEL-ID --epochs N [--user-dir DIR] [--data-dir DIR] [--out FILE] [--history FILE] [--json]
    trains a model of the app's library N more epochs with its settings and optimizer state`;

const THREADS = ['1', '2', 'auto'] as const;

const OPTIONS = {
  ...ARCHITECTURE_OPTIONS,
  preset: { type: 'string' },
  epochs: { type: 'string' },
  'batch-size': { type: 'string' },
  'learning-rate': { type: 'string' },
  optimizer: { type: 'string' },
  momentum: { type: 'string' },
  hidden: { type: 'string' },
  activation: { type: 'string' },
  'validation-split': { type: 'string' },
  limit: { type: 'string' },
  seed: { type: 'string' },
  backend: { type: 'string' },
  threads: { type: 'string' },
  augment: { type: 'boolean' },
  'no-augment': { type: 'boolean' },
  'start-from': { type: 'string' },
  'data-dir': { type: 'string' },
  out: { type: 'string' },
  history: { type: 'string' },
  json: { type: 'boolean' },
  continue: { type: 'string' },
  'user-dir': { type: 'string' },
} as const;

function threadsFlag(values: Record<string, string | boolean | undefined>): TrainConfig['threads'] {
  const raw = choiceFlag(values, 'threads', THREADS);
  return raw === undefined || raw === 'auto' ? raw : (Number(raw) as 1 | 2);
}

function augmentFlag(values: Record<string, string | boolean | undefined>): boolean | undefined {
  if (values.augment && values['no-augment']) throw new UsageError('--augment and --no-augment contradict each other');
  return values.augment ? true : values['no-augment'] ? false : undefined;
}

function configFromFlags(values: Record<string, string | boolean | undefined>): TrainConfig {
  const preset = choiceFlag(values, 'preset', Object.keys(PRESETS) as PresetName[]) ?? 'keras-tutorial';
  const overrides = {
    epochs: integerFlag(values, 'epochs'),
    batchSize: integerFlag(values, 'batch-size'),
    learningRate: numberFlag(values, 'learning-rate'),
    optimizer: choiceFlag(values, 'optimizer', OPTIMIZERS),
    momentum: numberFlag(values, 'momentum'),
    hiddenUnits: listFlag(values, 'hidden'),
    activation: choiceFlag(values, 'activation', HIDDEN_ACTIVATIONS),
    validationSplit: numberFlag(values, 'validation-split'),
    limit: integerFlag(values, 'limit'),
    seed: integerFlag(values, 'seed'),
    backend: choiceFlag(values, 'backend', ['auto', ...BACKENDS] as const),
    threads: threadsFlag(values),
    augment: augmentFlag(values),
  };
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return parseTrainConfig({ ...PRESETS[preset], ...defined, cnn: cnnFromFlags(values, PRESETS[preset]) });
}

/** --start-from: the weights of a model file to fine-tune, whose layers must be the ones configured. */
async function startFrom(values: Record<string, string | boolean | undefined>, config: TrainConfig): Promise<TrainingInputs> {
  const file = values['start-from'];
  if (typeof file !== 'string') return {};
  const model = await openModelFile(resolve(file));
  const problem = startModelProblem(config, model.layers);
  const cnn = model.layers.some((layer) => layer.type === 'Conv2D');
  const flags = cnn ? `${config.cnn ? '' : '--arch cnn, '}--filters, --kernel-size, --dense-units, --dropout` : `${config.cnn ? '--arch mlp, ' : ''}--hidden`;
  if (problem) throw new UsageError(`--start-from ${file}: ${problem} (${flags}, --activation)`);
  return { initialWeights: model.weights };
}

/** --history: where the run's History goes, as Keras' CSVLogger writes it (.csv) or as the app's run record (.json). */
function historyFlag(values: Record<string, string | boolean | undefined>): { path: string; format: 'csv' | 'json' } | undefined {
  const file = values.history;
  if (file === undefined) return undefined;
  const format = typeof file === 'string' ? extname(file).toLowerCase().slice(1) : '';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--history: expected a file name ending in .csv or .json, got '${String(file)}'`);
  return { path: resolve(file as string), format };
}

/** Writes the run's History (also after a failure: the epochs done so far); a write that fails is the command's failure. */
async function writeHistory(history: { path: string; format: 'csv' | 'json' }, recorder: RunRecorder): Promise<void> {
  const text = history.format === 'csv' ? historyCsv(recorder.record.history) : JSON.stringify(recorder.record, null, 2);
  try {
    await writeFileAtomic(history.path, text);
  } catch (error) {
    throw new CommandFailed(`cannot write the history to ${history.path}: ${writeProblem(error)}`);
  }
}

export async function trainCommand(argv: string[]): Promise<void> {
  const { values } = parseCommand(argv, OPTIONS, []);
  if (values['user-dir'] !== undefined && values.continue === undefined) throw new UsageError('--user-dir goes with --continue: it names the library the model is in');
  const library = values.continue === undefined ? null : await openContinuation(values);
  try {
    await train(values, library);
  } finally {
    library?.release();
  }
}

/** One run: from the flags, or continuing a library model (which then saves it to the library and grows its run). */
async function train(values: Record<string, string | boolean | undefined>, library: LibraryContinuation | null): Promise<void> {
  const config = library?.config ?? configFromFlags(values);
  const inputs = library?.inputs ?? (await startFrom(values, config));
  const out = typeof values.out === 'string' ? resolve(values.out) : undefined;
  const history = historyFlag(values);
  const recorder = library?.recorder ?? new RunRecorder(config);
  const record = library ? (event: TrainingEvent) => library.record(event) : (event: TrainingEvent) => void recorder.add(event);
  const report = values.json ? jsonReporter : createHumanReporter();
  const session = new TrainingSession();

  // Ctrl+C stops after the current batch and still saves what was trained; a second Ctrl+C quits at once.
  const onSigint = (): void => {
    if (!session.cancel()) process.exit(130);
    process.removeListener('SIGINT', onSigint);
  };
  process.on('SIGINT', onSigint);

  let doneEvent: DoneEvent | null = null;
  const result = await session.start(
    config,
    (event: TrainingEvent) => {
      record(event);
      // The final 'done' line waits until the model is saved, so it can name the file.
      if (event.event === 'done') doneEvent = event;
      else report(event);
    },
    typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined,
    inputs,
    // The weights' statistics at each epoch end go into the run's record, as the app records them.
    ({ at, stats }) => {
      if (stats) recorder.addWeightStats(at.epoch, stats);
    },
  );
  process.removeListener('SIGINT', onSigint);

  const keep = out && result.model && (result.final.event === 'done' || result.final.epochs_completed > 0);
  if (keep && result.model && out) await writeModelFile(result.model, out);
  const libraryModel = library ? await library.finish(result) : null;
  if (history) await writeHistory(history, recorder);
  if (result.final.event === 'failed') {
    throw new CommandFailed(result.final.message + (keep ? `; saved them to ${out}` : ''));
  }
  // A continued model's home is the library (--out is a copy): the line names its library id.
  const model = libraryModel ?? (keep ? out : undefined);
  if (doneEvent) report({ ...(doneEvent as DoneEvent), ...(model ? { model } : {}) });
}
