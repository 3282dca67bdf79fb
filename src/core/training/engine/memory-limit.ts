/** Which settings the engine covers: every one whose engine memory fits in 2 GiB, the shared build's maximum. */
import { runLayers } from '../../api/architecture';
import type { TrainConfig } from '../../api/train-config';
import { SHARED_MAX_PAGES } from './builds';
import { planNetwork } from './plan';

/** Memory one engine may take (the WebAssembly 32-bit limit is 4 GiB; the app keeps well below it). */
const MAX_ENGINE_BYTES = SHARED_MAX_PAGES * 65536;
/** MNIST's sample counts: the most a run can hold. */
const MNIST_SETS = [60_000, 10_000];

/** Why the engine cannot run these settings (with one worker, or two), or null when it can. */
export function engineGap(config: TrainConfig, workers = 1): string | null {
  const bytes = planNetwork(runLayers(config), config.batchSize, config.optimizer, MNIST_SETS, 0, workers).end;
  if (bytes <= MAX_ENGINE_BYTES) return null;
  const who = workers > 1 ? ` with ${workers} workers` : '';
  return `batch size ${config.batchSize} with these layers needs ${Math.ceil(bytes / 2 ** 20)} MiB of engine memory${who} (at most ${MAX_ENGINE_BYTES / 2 ** 20})`;
}
