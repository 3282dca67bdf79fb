/**
 * Builds one run's record from its training events: the settings, backend and threads (start), the History
 * (epoch), a per-batch curve thinned to at most MAX_BATCH_POINTS (batch), the test scores and how it ended
 * (done, failed). Its duration is training time: the time a run spends paused is left out. Pure: the app's run store writes the record to disk, the CLI's --history writes it to a file.
 */
import { randomBytes } from 'node:crypto';
import { runLayers } from '../api/architecture';
import { describeModel } from '../api/model-summary';
import { MAX_BATCH_POINTS, type BatchPoint, type LayerWeightStats, type RunRecord } from '../api/run-history';
import type { TrainConfig } from '../api/train-config';
import type { TrainingEvent } from '../api/training-events';

/** Run ids as the library names models: `run-`, the UTC time to the second, six random hex digits. */
export const RUN_ID = /^run-\d{14}-[0-9a-f]{6}$/;

export function newRunId(at = new Date()): string {
  const stamp = at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `run-${stamp}-${randomBytes(3).toString('hex')}`;
}

export const STOPPED_BY_USER = 'stopped by the user';

export class RunRecorder {
  readonly record: RunRecord;
  private readonly started: number;
  /** Time spent in pauses that ended, and when the current pause began (null while training). */
  private pausedMs = 0;
  private pausedSince: number | null = null;
  /** Every `stride`-th batch event is kept; the stride doubles each time the curve is thinned. */
  private stride = 1;
  private batchEvents = 0;

  constructor(config: TrainConfig, at = new Date(), id = newRunId(at)) {
    this.started = at.getTime();
    this.record = {
      id,
      startedAt: at.toISOString(),
      endedAt: null,
      status: 'running',
      reason: null,
      config,
      backend: null,
      threads: null,
      layers: describeModel(runLayers(config)),
      history: [],
      batches: [],
      weights: [],
      test: null,
      modelId: null,
      durationSeconds: 0,
    };
  }

  /**
   * Goes on with an earlier run's record, for a run that continues its model: the History and the batch curve grow,
   * the duration adds up, and the end is written anew.
   */
  static continuing(earlier: RunRecord, config: TrainConfig, at = new Date()): RunRecorder {
    const recorder = new RunRecorder(config, new Date(at.getTime() - earlier.durationSeconds * 1000), earlier.id);
    Object.assign(recorder.record, { ...earlier, config, status: 'running', endedAt: null, reason: null, test: null });
    return recorder;
  }

  /** Takes one event; true when the record changed in a way worth writing (the start, an epoch, the end). */
  add(event: TrainingEvent, now = Date.now()): boolean {
    const record = this.record;
    this.trackPauses(event, now);
    record.durationSeconds = Math.max(0, (now - this.started - this.pausedMs - (this.pausedSince === null ? 0 : now - this.pausedSince)) / 1000);
    switch (event.event) {
      case 'paused':
      case 'resumed':
        return false;
      case 'start':
        record.backend = event.backend;
        record.threads = event.threads ?? 1;
        return true;
      case 'batch':
        this.addBatch({ step: (event.epoch - 1) * event.batches + event.batch, epoch: event.epoch, loss: event.loss, accuracy: event.accuracy });
        return false;
      case 'epoch': {
        const { epoch, loss, accuracy, val_loss, val_accuracy, seconds, user_accuracy } = event;
        record.history.push({ epoch, loss, accuracy, val_loss, val_accuracy, seconds, ...(user_accuracy === undefined ? {} : { user_accuracy }) });
        return true;
      }
      case 'done':
        record.backend = event.backend;
        record.test = { loss: event.test_loss, accuracy: event.test_accuracy };
        record.status = event.stopped === 'cancelled' ? 'stopped' : 'completed';
        record.reason = event.stopped === 'cancelled' ? STOPPED_BY_USER : null;
        if (event.model !== undefined) record.modelId = event.model;
        record.endedAt = new Date(now).toISOString();
        return true;
      case 'failed':
        record.backend = event.backend ?? record.backend;
        record.status = 'failed';
        record.reason = event.message;
        record.endedAt = new Date(now).toISOString();
        return true;
    }
  }

  /**
   * The weights' statistics at the end of `epoch` (0: the initial weights); written with the epoch's History row. An
   * epoch already recorded is not added again (a continued run starts from the weights its record ended with).
   */
  addWeightStats(epoch: number, layers: LayerWeightStats[]): void {
    const rows = (this.record.weights ??= []);
    if ((rows.at(-1)?.epoch ?? -1) < epoch) rows.push({ epoch, layers });
  }

  /** The run's model after the save: its library id, or why it could not be saved (added to the reason). */
  setModel(modelId: string | null, saveProblem: string | null = null): void {
    this.record.modelId = modelId;
    if (saveProblem) {
      const problem = `the model could not be saved: ${saveProblem}`;
      this.record.reason = this.record.reason ? `${this.record.reason}; ${problem}` : problem;
    }
  }

  /** A stop while paused ends the run with the pause still open: the duration leaves it out all the same. */
  private trackPauses(event: TrainingEvent, now: number): void {
    if (event.event === 'paused') this.pausedSince = now;
    if (event.event === 'resumed' && this.pausedSince !== null) {
      this.pausedMs += now - this.pausedSince;
      this.pausedSince = null;
    }
  }

  /** Keeps the curve at most MAX_BATCH_POINTS long: when full, every other point goes and the stride doubles. */
  private addBatch(point: BatchPoint): void {
    // A point the chart cannot draw (NaN, infinite) is not kept; the failure says what happened.
    if (!Number.isFinite(point.loss) || !Number.isFinite(point.accuracy)) return;
    if (this.batchEvents++ % this.stride !== 0) return;
    const batches = this.record.batches;
    batches.push(point);
    if (batches.length > MAX_BATCH_POINTS) {
      this.record.batches = batches.filter((_, i) => i % 2 === 0);
      this.stride *= 2;
    }
  }
}
