/**
 * The backend behind the API contract, shared by the Electron main process and the web mode: training runs,
 * the model library, evaluation and exports. Shells only move messages; every request is validated here.
 */
import { base64ToBytes, bytesToBase64 } from '../api/base64';
import { ApiError, isMethod, parseRequest, type ApiEvent, type Responses, type SampleEntry, type TrainingState } from '../api/contract';
import type { LayerModel } from '../api/layer-model';
import { loadMnist, type Mnist } from '../dataset';
import { BACKEND_LABELS } from '../api/backends';
import { encodeModel } from '../api/model-weights';
import type { RunRecord } from '../api/run-history';
import { availableBackends } from '../training/backend';
import type { TrainConfig } from '../api/train-config';
import { startModelProblem } from '../training/fine-tune';
import type { DoneEvent, WeightsPoint } from '../api/training-events';
import { TrainingSession, type TrainingResult } from '../training/session';
import type { TrainingInputs, WeightsSnapshot } from '../training/worker-protocol';
import { h5Download, samplesIdxDownload } from './downloads';
import type { Handlers } from './handlers';
import { historyCsv } from './history-csv';
import { refuseOversizedImport } from './import-size';
import { JobRunner } from './jobs';
import { sweepLeftovers } from './leftovers';
import { ModelStore } from './model-store';
import { planContinue } from './continue-run';
import { RunRecorder } from './run-recorder';
import { RunStore, runSummary } from './run-store';
import { SampleStore, type StoredSample } from './sample-store';
import { tfliteHandlers } from './tflite-handlers';
import { UnsavedModelKeeper } from './unsaved-model';

export interface AppServiceOptions {
  version: string;
  shell: 'electron' | 'web';
  userDir: string;
  bundledModelsDir: string;
}

/** What the UI gets of a saved drawing (the strokes stay on disk). */
const sampleEntry = ({ id, label, createdAt, pixels }: StoredSample): SampleEntry => ({ id, label, createdAt, pixels });

/** Why a pause or resume was refused, by the state the run was found in. */
const PAUSE_REFUSALS = {
  idle: 'no training run is in progress to pause',
  paused: 'the training run is already paused: press Resume to go on, or Stop to end it',
  stopping: 'the training run is stopping: it cannot be paused',
} as const;
const RESUME_REFUSALS = {
  idle: 'no training run is in progress to resume',
  running: 'the training run is not paused: it is training',
  stopping: 'the training run is stopping: it cannot be resumed',
} as const;

/** How a finished run is listed in the library: "ADAM 128-128 · 10 epochs · 97.90%", "ADAM CNN 32-64 · …" for a CNN. */
export function trainedMeta(config: TrainConfig, final: DoneEvent) {
  const tuned = config.startFrom ? ' · fine-tuned' : '';
  const layers = config.cnn ? `CNN ${config.cnn.filters.join('-')}` : config.hiddenUnits.join('-');
  const name = `${config.optimizer.toUpperCase()} ${layers}${tuned} · ${final.epochs_completed} epochs · ${(final.test_accuracy * 100).toFixed(2)}%`;
  return { name, testAccuracy: final.test_accuracy, config, backend: final.backend };
}

export class AppService {
  readonly store: ModelStore;
  readonly samples: SampleStore;
  readonly runs: RunStore;
  private readonly session: TrainingSession;
  private readonly jobs = new JobRunner();
  private readonly unsaved: UnsavedModelKeeper;
  private readonly listeners = new Set<(event: ApiEvent) => void>();
  /** `running` stays true until the run's model is saved (or kept after a failed save), so no run overlaps it. */
  private training: Omit<TrainingState, 'unsaved'> = { running: false, config: null, events: [], priorHistory: [] };
  private mnist: Promise<Mnist> | null = null;
  /** The record of the run whose model is kept after a failed save: "Save again" gives it its model id. */
  private unsavedRun: RunRecorder | null = null;
  /** The training run's latest weights (an epoch end or a pause), to draw with; not in the library, gone with the run. */
  private runWeights: { model: LayerModel; at: WeightsPoint } | null = null;

  constructor(private readonly options: AppServiceOptions) {
    this.store = new ModelStore(options.userDir, options.bundledModelsDir);
    this.samples = new SampleStore(options.userDir);
    this.runs = new RunStore(options.userDir);
    this.session = new TrainingSession();
    this.unsaved = new UnsavedModelKeeper(this.store);
    // Clear what crashed runs left behind, then read the library while the window loads, so the Draw page's first
    // model is ready when asked for.
    void sweepLeftovers(options.userDir)
      .then(() => this.store.list())
      .catch(() => undefined);
  }

  onEvent(listener: (event: ApiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: ApiEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private testSet() {
    this.mnist ??= loadMnist();
    return this.mnist.then((m) => m.test);
  }

  /**
   * Validates and runs one call; refusals and bad input come back as ApiError with a readable message. Other
   * failures keep their type (a crash stays a TypeError); the shells word them for the user (failure-message.ts).
   */
  async call(method: unknown, params: unknown): Promise<unknown> {
    if (!isMethod(method)) throw new ApiError(`unknown method ${JSON.stringify(method)}`);
    const request = parseRequest(method, params);
    const handler = this.handlers[method] as (r: typeof request) => Promise<unknown>;
    return handler(request);
  }

  private readonly handlers: Handlers = {
    status: async () => ({
      version: this.options.version,
      shell: this.options.shell,
      backends: availableBackends().map((name) => ({ name, label: BACKEND_LABELS[name] })),
      training: { ...this.training, unsaved: this.unsaved.state },
    }),

    startTraining: async (config) => {
      // Refused before the start model and the drawings are read, and again after (a run may have begun meanwhile).
      this.refuseWhileTraining();
      const inputs = await this.trainingInputs(config);
      this.refuseWhileTraining();
      this.beginRun(config, inputs, new RunRecorder(config));
      return { started: true };
    },

    continueTraining: async ({ id, epochs }) => {
      this.refuseWhileTraining();
      const plan = await planContinue(this.store, this.runs, id, epochs);
      // The drawings, if its run had them; its weights are the model's own, not those of the model it was tuned from.
      const inputs = { ...(await this.trainingInputs({ ...plan.config, startFrom: undefined })), ...plan.inputs };
      this.refuseWhileTraining();
      const recorder = plan.run ? RunRecorder.continuing(plan.run, plan.config) : new RunRecorder(plan.config);
      this.beginRun(plan.config, inputs, recorder);
      return { started: true, run: recorder.record.id };
    },

    stopTraining: async () => ({ stopping: this.session.cancel() }),

    getRunWeights: async () => {
      if (!this.training.running) throw new ApiError('no training run is in progress: its current weights are there only while it trains or is paused');
      if (!this.runWeights) throw new ApiError('the training run has no weights yet: it is still loading its data');
      return { ...encodeModel('training-run', this.runWeights.model), at: this.runWeights.at };
    },

    pauseTraining: async () => {
      const found = this.session.pause();
      if (found !== 'running') throw new ApiError(PAUSE_REFUSALS[found]);
      return { pausing: true };
    },

    resumeTraining: async () => {
      const found = this.session.resume();
      if (found !== 'paused') throw new ApiError(RESUME_REFUSALS[found]);
      return { resumed: true };
    },

    listModels: async () => this.store.list(),

    listDamagedModels: async () => (await this.store.scan()).damaged,

    removeDamagedModel: async ({ folder }) => {
      await this.store.removeDamaged(folder);
      this.emit({ type: 'models-changed' });
      return { removed: true };
    },

    getModel: async ({ id }) => {
      const { model } = await this.store.get(id);
      return encodeModel(id, model);
    },

    deleteModel: async ({ id }) => {
      await this.store.delete(id);
      this.emit({ type: 'models-changed' });
      this.runsChanged(); // a run that produced it no longer names a model
      return { deleted: true };
    },

    evaluateModel: async ({ id }) => {
      const { model } = await this.store.get(id);
      return (await this.jobs.run({ kind: 'evaluate', id, model })) as Responses['evaluateModel'];
    },

    ...tfliteHandlers(this.jobs),

    cancelJob: async ({ job }) => ({ cancelled: this.jobs.cancel(job) }),

    getTestImages: async ({ indices }) => {
      const test = await this.testSet();
      return { images: indices.map((index) => ({ index, label: test.labels[index], pixels: bytesToBase64(test.pixels.subarray(index * 784, (index + 1) * 784)) })) };
    },

    importModel: async (request) => {
      refuseOversizedImport(request);
      const { fileName, data, weightsData } = request;
      const entry = await this.store.import(fileName, base64ToBytes(data), weightsData ? base64ToBytes(weightsData) : undefined);
      this.emit({ type: 'models-changed' });
      return entry;
    },

    downloadModel: async ({ id }) => {
      const { entry, model } = await this.store.get(id);
      return h5Download(entry.name, model);
    },

    exportTflite: async (request) => {
      const { entry, model } = await this.store.get(request.id);
      return (await this.jobs.run({ kind: 'export', name: entry.name, testAccuracy: entry.testAccuracy, model, request })) as Responses['exportTflite'];
    },

    revealModel: async ({ id }) => ({ path: (await this.store.get(id)).entry.path }),

    saveSample: async ({ label, strokes, pixels }) => this.sampleChanged(await this.samples.add(label, strokes, base64ToBytes(pixels))),

    listSamples: async () => ({ samples: (await this.samples.list()).map(sampleEntry), limit: this.samples.limit }),

    relabelSample: async ({ id, label }) => this.sampleChanged(await this.samples.relabel(id, label)),

    deleteSample: async ({ id }) => {
      await this.samples.delete(id);
      this.emit({ type: 'samples-changed' });
      return { deleted: true };
    },

    exportSamples: async () => samplesIdxDownload(await this.samples.digitSet()),

    saveTrainedModel: async () => {
      try {
        const entry = await this.unsaved.saveAgain();
        this.emit({ type: 'models-changed' });
        await this.runModelSaved(entry.id);
        return entry;
      } finally {
        this.unsavedChanged(); // saved, or kept with the new problem
      }
    },

    saveTrainedModelTo: async ({ directory }) => {
      const saved = await this.unsaved.saveTo(directory);
      this.unsavedChanged();
      return saved;
    },

    discardTrainedModel: async () => {
      const discarded = this.unsaved.discard();
      if (discarded) this.unsavedChanged();
      return { discarded };
    },

    listRuns: async () => Promise.all((await this.runs.list()).map((record) => this.withLiveModel(runSummary(record)))),

    getRun: async ({ id }) => this.withLiveModel(await this.runs.get(id)),

    deleteRun: async ({ id }) => {
      await this.runs.delete(id);
      this.runsChanged();
      return { deleted: true };
    },

    exportRun: async ({ id, format }) => {
      const record = await this.withLiveModel(await this.runs.get(id));
      const text = format === 'csv' ? historyCsv(record.history) : JSON.stringify(record, null, 2);
      return { fileName: `${id}-history.${format}`, data: Buffer.from(text, 'utf8').toString('base64') };
    },
  };

  /** Starts the worker; the run's record is written at the start and after every epoch, its end once the model is saved. */
  private beginRun(config: TrainConfig, inputs: TrainingInputs, recorder: RunRecorder): void {
    // A continued run's recorder already holds its earlier epochs.
    this.training = { running: true, config, events: [], priorHistory: [...recorder.record.history] };
    // A new run replaces a model kept after a failed save (the Train page asks before it starts one).
    if (this.unsaved.discard()) this.unsavedChanged();
    this.unsavedRun = null;
    void this.runs.begin(recorder.record).then(() => this.runsChanged());
    const run = this.session.start(
      config,
      (event) => {
        const final = event.event === 'done' || event.event === 'failed';
        if (recorder.add(event) && !final) void this.recordRun(recorder.record);
        // The run's last event waits for finishRun: whoever is told the run is over may start the next one.
        if (final) return;
        // Keep every epoch and the throttled batches so charts can be redrawn by a page opened mid-run.
        this.training.events.push(event);
        this.emit({ type: 'training', event });
      },
      undefined,
      inputs,
      (snapshot) => this.takeRunWeights(snapshot, recorder),
    );
    // Nothing may reject unhandled here: in web mode that would end the process.
    void run
      .then((result) => this.finishRun(config, result, recorder))
      .catch((error: unknown) => console.error(`digit-studio: after the training run: ${(error as Error).message}`));
  }

  /** Keeps the run's latest weights for getRunWeights, records an epoch end's statistics, and tells the pages. */
  private takeRunWeights({ model, at, stats }: WeightsSnapshot, recorder: RunRecorder): void {
    this.runWeights = { model, at };
    if (stats) recorder.addWeightStats(at.epoch, stats);
    this.emit({ type: 'run-weights', at });
  }

  private refuseWhileTraining(): void {
    if (this.training.running) throw new ApiError('a training run is already in progress: stop it or wait for it to finish');
  }

  /** The start model's weights and the user's drawings a run asks for, checked before the worker starts. */
  private async trainingInputs(config: TrainConfig): Promise<TrainingInputs> {
    const inputs: TrainingInputs = {};
    if (config.startFrom) {
      const { entry, model } = await this.store.get(config.startFrom);
      const problem = startModelProblem(config, model.layers);
      if (problem) throw new ApiError(`cannot start from ${entry.name}: ${problem}`);
      inputs.initialWeights = model.weights;
    }
    if (config.userSamples) {
      const samples = await this.samples.digitSet();
      if (!samples.count) throw new ApiError('there are no saved drawings to include yet: draw digits on the Draw page and confirm or correct their labels');
      inputs.userSamples = samples;
    }
    return inputs;
  }

  /**
   * Saves a completed or stopped run's model. When the save fails the model is kept, not lost, and the failure
   * is reported; either way the run is over (`running` false) before anyone is told.
   */
  private async finishRun(config: TrainConfig, { model, final, optimizer }: TrainingResult, recorder: RunRecorder): Promise<void> {
    // Kept with the model, so that it can be continued for more epochs later.
    const state = optimizer && final.event === 'done' ? { epochs: final.epochs_completed, optimizer } : undefined;
    const saved = model && final.event === 'done' ? await this.unsaved.save(model, trainedMeta(config, final), state) : undefined;
    // The record's end: how it ended, the model it produced or why that could not be saved.
    if (saved) recorder.setModel(saved.id);
    if (saved === null) {
      recorder.setModel(null, this.unsaved.state?.problem ?? null);
      this.unsavedRun = recorder;
    }
    // Written before the run is over, so whoever sees `running` false finds the run's record ended.
    await this.runs.save(recorder.record);
    this.runWeights = null;
    this.training = { ...this.training, running: false, events: [...this.training.events, final] };
    this.emit({ type: 'training', event: final });
    if (saved) this.emit({ type: 'models-changed' });
    if (saved === null) this.unsavedChanged();
    this.runsChanged();
  }

  /** Writes a run's record as it is now, then tells the pages. */
  private async recordRun(record: RunRecord): Promise<void> {
    await this.runs.save(record);
    this.runsChanged();
  }

  /** "Save again" saved the kept model: the run that trained it now names it. */
  private async runModelSaved(modelId: string): Promise<void> {
    const recorder = this.unsavedRun;
    if (!recorder) return;
    this.unsavedRun = null;
    recorder.record.modelId = modelId;
    await this.recordRun(recorder.record);
  }

  /** The record or summary with modelId null when its model was deleted from the library since. */
  private async withLiveModel<T extends { modelId: string | null }>(item: T): Promise<T> {
    if (item.modelId === null || (await this.store.has(item.modelId))) return item;
    return { ...item, modelId: null };
  }

  private runsChanged(): void {
    this.emit({ type: 'runs-changed' });
  }

  private unsavedChanged(): void {
    this.emit({ type: 'unsaved-model', unsaved: this.unsaved.state });
  }

  private sampleChanged(sample: StoredSample): SampleEntry {
    this.emit({ type: 'samples-changed' });
    return sampleEntry(sample);
  }
}
