/**
 * The second engine worker (worker_threads): an instance of the shared build on worker 0's memory, working in
 * workspace 1. For each job worker 0 posts through the handshake it computes the gradient of the second part
 * of a batch and applies the second half of the parameters' update, or evaluates the second half of a set.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { COMMAND, Handshake, SLOT } from './handshake';
import { EngineInstance } from './instance';
import { instantiate } from './runtime';
import type { HelperInit } from './worker-pair';

const init = (workerData as { init: HelperInit }).init;
const handshake = new Handshake(init.control);
// A failure before 'ready' ends this thread with the error, which worker 0 awaits; after it, the handshake reports.
const instance = new EngineInstance(instantiate(init.runtime, init.memory), init.plan, 1);

function serve(): void {
  const partner = init.plan.workspaces[0];
  const train = init.plan.sets[init.trainSet];
  for (let job = 1; ; job++) {
    handshake.waitFor(SLOT.job, job, Infinity);
    const command = handshake.get(SLOT.command);
    if (command === COMMAND.stop) return;
    const [a, b, c] = [handshake.get(SLOT.arg0), handshake.get(SLOT.arg1), handshake.get(SLOT.arg2)];
    if (command === COMMAND.step) {
      const sums = instance.gradientStep(train, a, b, c);
      handshake.setHelperSums(sums.loss, sums.correct);
      handshake.signal(SLOT.helperGradient, job);
      handshake.waitFor(SLOT.ownGradient, job);
      instance.applyGradients(partner, init.paramSplit, init.plan.paramBytes);
    } else {
      const sums = instance.evaluate(init.plan.sets[a], b, c);
      handshake.setHelperSums(sums.loss, sums.correct);
    }
    handshake.signal(SLOT.helperDone, job);
  }
}

parentPort?.postMessage('ready');
try {
  serve();
} catch (error) {
  handshake.fail((error as Error).message);
}
