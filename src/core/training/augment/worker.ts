/**
 * Augmentation worker (worker_threads): on each request writes one epoch's distorted copy of the training images
 * into the shared target buffer, while the training thread trains on the previous epoch.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { INPUT_SIZE } from '../../api/model-spec';
import { augmentEpoch, inkBoxes } from './epoch';
import type { AugmentReply, AugmentWorkerData } from './protocol';

const port = parentPort;
if (!port) throw new Error('the augmentation worker must run in a worker thread');

const { source, target, labels, seed } = workerData as AugmentWorkerData;
const pixels = new Uint8Array(source);
const output = new Uint8Array(target);
const boxes = inkBoxes(pixels, pixels.length / INPUT_SIZE);

port.on('message', (epoch: number) => {
  const started = performance.now();
  augmentEpoch(pixels, labels, boxes, output, seed, epoch);
  port.postMessage({ epoch, milliseconds: performance.now() - started } satisfies AugmentReply);
});
