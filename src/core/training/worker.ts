/**
 * Training worker (worker_threads): loads the backend and MNIST, trains, and posts events and the final
 * weights to the thread that started it. Heavy work never runs on the thread that serves the UI.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BackendName } from '../api/backends';
import { INPUT_SIZE } from '../api/model-spec';
import type { LayerModel } from '../api/layer-model';
import type { TrainingEvent, WeightsPoint } from '../api/training-events';
import { loadMnist } from '../dataset';
import { modelWeightStats } from '../inference/weight-stats';
import { loadTrainingBackend } from './backend';
import { trainWithEngine } from './engine';
import { mixUserSamples, userAccuracy } from './fine-tune';
import { RunControl } from './run-control';
import { splitForTraining } from './training-data';
import { trainWithTfjs } from './tfjs-trainer';
import type { WorkerInit, WorkerMessage } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('the training worker must run in a worker thread');

const { init } = workerData as { init: WorkerInit };
const control = new RunControl(init.control);
const post = (message: WorkerMessage): void => port.postMessage(message);
const emit = (event: TrainingEvent): void => post({ type: 'event', event });
// The statistics are worked out here, off the thread that serves the UI; a pause's weights are not recorded.
const shareWeights = (model: LayerModel, at: WeightsPoint): void => post({ type: 'weights', at, model, stats: at.paused ? null : modelWeightStats(model) });

async function run(): Promise<void> {
  let backendName: BackendName | null = null;
  try {
    const backend = await loadTrainingBackend(init.config);
    backendName = backend.name;
    const mnist = await loadMnist(init.dataDir);
    if (mnist.train.rows * mnist.train.cols !== INPUT_SIZE) {
      throw new Error(`the dataset has ${mnist.train.rows}x${mnist.train.cols} images; the model takes 28x28`);
    }
    const split = splitForTraining(mnist.train, init.config.validationSplit, init.config.limit);
    const { userSamples, initialWeights, continueFrom } = init;
    const data = { ...split, train: userSamples ? mixUserSamples(split.train, userSamples) : split.train, test: mnist.test };
    // The start event says why 'auto' chose this backend, when it raced two.
    const announce = (event: TrainingEvent): void => emit(event.event === 'start' && backend.choice ? { ...event, choice: backend.choice } : event);
    const hooks = { emit: announce, shouldStop: () => control.stopRequested, pause: control, onWeights: shareWeights, initialWeights, continueFrom, userAccuracy: userSamples && userAccuracy(userSamples) };
    const outcome = backend.name === 'engine' ? await trainWithEngine(backend.engine, init.config, data, hooks) : await trainWithTfjs(backend, init.config, data, hooks);
    post({ type: 'result', model: outcome.model, optimizer: outcome.optimizer ?? null });
  } catch (error) {
    emit({ event: 'failed', backend: backendName, message: (error as Error).message, epochs_completed: 0 });
    post({ type: 'result', model: null, optimizer: null });
  }
}

void run();
