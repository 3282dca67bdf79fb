import type { LayerModel } from '../api/layer-model';
import type { TrainConfig } from '../api/train-config';
import type { DoneEvent, FailedEvent, TrainingEvent } from '../api/training-events';
import { startWorker } from '../workers/start-worker';
import { watchWorker } from '../workers/watch-worker';
import type { OptimizerState } from './optimizer-state';
import { RunControl, type RunState } from './run-control';
import type { TrainingInputs, WeightsSnapshot, WorkerInit, WorkerMessage } from './worker-protocol';

export interface TrainingResult {
  final: DoneEvent | FailedEvent;
  /** Trained weights, or the last good ones after a failure; null when nothing was trained. */
  model: LayerModel | null;
  /** The optimizer's state with the trained weights, to continue the run later; null after a failure. */
  optimizer: OptimizerState | null;
}

export class TrainingBusyError extends Error {
  constructor() {
    super('a training run is already in progress: stop it or wait for it to finish before starting another');
  }
}

/**
 * One training run at a time, in a worker thread. The owner (CLI, Electron main, web server) gets the event
 * stream and the final weights; a second start while one runs is refused. The run can be paused after a batch,
 * resumed, and stopped, paused or not.
 */
export class TrainingSession {
  private control: RunControl | null = null;

  get running(): boolean {
    return this.control !== null;
  }

  /** `onWeights` gets the weights the run starts from, those at every epoch end and those at every pause. */
  start(
    config: TrainConfig,
    onEvent: (event: TrainingEvent) => void,
    dataDir?: string,
    inputs: TrainingInputs = {},
    onWeights?: (snapshot: WeightsSnapshot) => void,
  ): Promise<TrainingResult> {
    if (this.control) throw new TrainingBusyError();
    const control = new RunControl();
    this.control = control;
    const init: WorkerInit = { config, control: control.buffer, dataDir, ...inputs };
    const worker = startWorker('training', { init });

    return new Promise<TrainingResult>((resolve) => {
      let final: DoneEvent | FailedEvent | null = null;
      let model: LayerModel | null = null;
      let optimizer: OptimizerState | null = null;
      let settled = false;
      const finish = (crash?: string): void => {
        if (settled) return;
        settled = true;
        this.control = null;
        if (!final || crash) {
          final = { event: 'failed', backend: null, message: `the training worker stopped unexpectedly: ${crash ?? 'no result'}`, epochs_completed: 0 };
          onEvent(final);
        }
        resolve({ final, model, optimizer });
        void watch.end();
      };
      const watch = watchWorker(worker, (stop) => finish(stop.message));
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'event') {
          if (message.event.event === 'done' || message.event.event === 'failed') final = message.event;
          onEvent(message.event);
        } else if (message.type === 'weights') {
          onWeights?.({ at: message.at, model: message.model, stats: message.stats });
        } else {
          ({ model, optimizer } = message);
          finish();
        }
      });
    });
  }

  /** Asks the run to stop after the current batch, or at once when paused; false when nothing runs. */
  cancel(): boolean {
    if (!this.control) return false;
    this.control.stop();
    return true;
  }

  /** Asks the run to pause after the current batch; what it found ('running' means it will pause), 'idle' when nothing runs. */
  pause(): RunState | 'idle' {
    return this.control?.pause() ?? 'idle';
  }

  /** Lets a paused run go on; what it found ('paused' means it goes on), 'idle' when nothing runs. */
  resume(): RunState | 'idle' {
    return this.control?.resume() ?? 'idle';
  }
}
