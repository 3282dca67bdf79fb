/**
 * Trains with the WebAssembly engine under the shared fit loop: the same events, data order, validation
 * split, NaN handling and stop polling as the tfjs path; one wasm call per training step.
 */
import type { DigitSet } from '../../dataset';
import { mlpSpec } from '../../model/spec';
import type { TrainConfig } from '../config';
import { fitLoop, type Stepper, type TrainerHooks, type TrainOutcome } from '../fit-loop';
import type { TrainingSplit } from '../samples';
import { glorotUniform } from './init';
import { EngineNetwork } from './network';
import type { EngineRuntime } from './runtime';

const TRAIN = 0;
const TEST = 1;
const VALIDATION = 2;

export function trainWithEngine(runtime: EngineRuntime, config: TrainConfig, data: TrainingSplit & { test: DigitSet }, hooks: TrainerHooks): Promise<TrainOutcome> {
  const spec = mlpSpec(config.hiddenUnits, config.activation);
  const { train, validation, test } = data;
  const net = new EngineNetwork(runtime, spec, config.batchSize, config, validation ? [train, test, validation] : [train, test]);
  net.setWeights(glorotUniform(spec, config.seed));
  const stepper: Stepper = {
    order: net.order(TRAIN),
    step: (start, n) => net.step(TRAIN, start, n),
    evaluate: (set) => net.evaluate(set === 'test' ? TEST : VALIDATION),
    getWeights: () => net.getWeights(),
    setWeights: (weights) => net.setWeights(weights),
    replaceTrainPixels: (pixels) => net.replacePixels(TRAIN, pixels),
  };
  return fitLoop('engine', config, spec, data, stepper, hooks);
}
