/**
 * "Continue this library model for N more epochs": what the continued run starts from. The model's own settings
 * with N more epochs, its weights, its optimizer state and the epochs its run trained (optimizer.json), and the run
 * record that produced it, which the continued run appends to. Shared by the app service and the CLI.
 */
import { ApiError } from '../api/contract';
import type { RunRecord } from '../api/run-history';
import { parseTrainConfig, type TrainConfig } from '../api/train-config';
import { optimizerStateProblem } from '../training/optimizer-state';
import type { TrainingInputs } from '../training/worker-protocol';
import type { ModelStore } from './model-store';
import type { RunStore } from './run-store';

export interface ContinuePlan {
  config: TrainConfig;
  inputs: Required<Pick<TrainingInputs, 'initialWeights' | 'continueFrom'>>;
  /** The record of the run that trained the model; null when it was deleted (the continued run starts a new one). */
  run: RunRecord | null;
}

export async function planContinue(store: ModelStore, runs: RunStore, id: string, epochs: number): Promise<ContinuePlan> {
  const { entry, model } = await store.get(id);
  const refuse = (why: string): ApiError => new ApiError(`${entry.name} cannot be continued: ${why}`);
  if (entry.source !== 'trained' || !entry.config) throw refuse('only models trained in Digit Studio carry the settings and optimizer state to go on with');
  const from = await store.optimizerState(id);
  if (!from) throw refuse('it was saved without its optimizer state (by an older version); fine-tune it with “Start from” instead');
  const problem = optimizerStateProblem(from.optimizer, entry.config.optimizer, model.weights);
  if (problem) throw refuse(problem);
  let config: TrainConfig;
  try {
    config = parseTrainConfig({ ...entry.config, epochs: from.epochs + epochs });
  } catch (error) {
    throw refuse((error as Error).message);
  }
  const run = (await runs.list()).find((record) => record.modelId === id) ?? null;
  return { config, inputs: { initialWeights: model.weights, continueFrom: from }, run };
}
