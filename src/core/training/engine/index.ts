import { mlpSpec } from '../../model/spec';
import type { TrainConfig } from '../config';
import { engineBytes } from './layout';

export { loadEngine, EngineUnavailableError, type EngineRuntime } from './runtime';
export { trainWithEngine } from './trainer';

/** Memory one engine may take (the WebAssembly 32-bit limit is 4 GiB; the app keeps well below it). */
const MAX_ENGINE_BYTES = 2 ** 31;
/** MNIST's sample counts: the most a run can hold. */
const MNIST_SETS = [60_000, 10_000];

/** Why the engine cannot run these settings, or null when it can. */
export function engineGap(config: TrainConfig): string | null {
  const bytes = engineBytes(mlpSpec(config.hiddenUnits, config.activation), config.batchSize, config.optimizer, MNIST_SETS);
  return bytes > MAX_ENGINE_BYTES ? `batch size ${config.batchSize} with these layers needs ${Math.ceil(bytes / 2 ** 20)} MiB of engine memory (at most ${MAX_ENGINE_BYTES / 2 ** 20})` : null;
}
