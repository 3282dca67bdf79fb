import type { LayerModel } from '../api/layer-model';
import type { TrainConfig } from '../api/train-config';
import type { DoneEvent, FailedEvent, TrainingEvent } from '../api/training-events';
import { startWorker } from '../workers/start-worker';
import { watchWorker } from '../workers/watch-worker';
import type { TrainingInputs, WorkerInit, WorkerMessage } from './worker-protocol';

export interface TrainingResult {
  final: DoneEvent | FailedEvent;
  /** Trained weights, or the last good ones after a failure; null when nothing was trained. */
  model: LayerModel | null;
}

export class TrainingBusyError extends Error {
  constructor() {
    super('a training run is already in progress: stop it or wait for it to finish before starting another');
  }
}

/**
 * One training run at a time, in a worker thread. The owner (CLI, Electron main, web server) gets the event
 * stream and the final weights; a second start while one runs is refused.
 */
export class TrainingSession {
  private stopFlag: Int32Array | null = null;

  get running(): boolean {
    return this.stopFlag !== null;
  }

  start(config: TrainConfig, onEvent: (event: TrainingEvent) => void, dataDir?: string, inputs: TrainingInputs = {}): Promise<TrainingResult> {
    if (this.stopFlag) throw new TrainingBusyError();
    const flagBuffer = new SharedArrayBuffer(4);
    this.stopFlag = new Int32Array(flagBuffer);
    const init: WorkerInit = { config, stopFlag: flagBuffer, dataDir, ...inputs };
    const worker = startWorker('training', { init });

    return new Promise<TrainingResult>((resolve) => {
      let final: DoneEvent | FailedEvent | null = null;
      let model: LayerModel | null = null;
      let settled = false;
      const finish = (crash?: string): void => {
        if (settled) return;
        settled = true;
        this.stopFlag = null;
        if (!final || crash) {
          final = { event: 'failed', backend: null, message: `the training worker stopped unexpectedly: ${crash ?? 'no result'}`, epochs_completed: 0 };
          onEvent(final);
        }
        resolve({ final, model });
        void watch.end();
      };
      const watch = watchWorker(worker, (stop) => finish(stop.message));
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'event') {
          if (message.event.event === 'done' || message.event.event === 'failed') final = message.event;
          onEvent(message.event);
        } else {
          model = message.model;
          finish();
        }
      });
    });
  }

  /** Asks the run to stop after the current batch; false when nothing runs. */
  cancel(): boolean {
    if (!this.stopFlag) return false;
    Atomics.store(this.stopFlag, 0, 1);
    return true;
  }
}
