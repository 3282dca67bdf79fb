/** The Train form's fields (what the inputs hold) and their conversion to a validated TrainConfig. */
import type { core } from 'zod';
import { KERAS_CNN, runLayers } from '../../../core/api/architecture';
import { modelSummary, type ModelSummary } from '../../../core/api/model-summary';
import { trainConfigSchema, type TrainConfig } from '../../../core/api/train-config';

/** Number inputs give numbers, or '' when empty or unparsable; text inputs give strings. */
type Input = string | number;

export type Architecture = 'mlp' | 'cnn';

export interface TrainFields {
  epochs: Input;
  batchSize: Input;
  learningRate: Input;
  optimizer: string;
  momentum: Input;
  /** The MLP (Dense layers of hiddenUnits) or the CNN of the fields below. */
  architecture: Architecture;
  hiddenUnits: string;
  /** The hidden layers' activation, in either architecture. */
  activation: string;
  /** CNN: the filters of each Conv2D + MaxPooling2D block. */
  filters: Input[];
  /** CNN: '3' or '5' */
  kernelSize: string;
  /** CNN: hidden Dense layer sizes after Flatten, comma-separated; '' for none. */
  denseUnits: string;
  /** CNN: dropout rate before the output layer. */
  dropout: Input;
  validationSplit: Input;
  limit: Input;
  seed: Input;
  backend: string;
  augment: boolean;
  /** '1', '2' or 'auto' */
  threads: string;
  /** Library model id to fine-tune, or '' for fresh weights. */
  startFrom: string;
  userSamples: boolean;
}

export type FieldName = keyof TrainFields;
/** One CNN block's filter count, by index from 0. */
export type BlockKey = `filters.${number}`;
export type FieldErrors = Partial<Record<FieldName | BlockKey, string>>;

/** The fields of a config; a config without CNN settings still gets keras.io's CNN, for a switch to CNN. */
export function fieldsFromConfig(config: TrainConfig): TrainFields {
  const { cnn = KERAS_CNN, ...settings } = config;
  return {
    ...settings,
    architecture: config.cnn ? 'cnn' : 'mlp',
    hiddenUnits: config.hiddenUnits.join(','),
    activation: config.cnn?.activation ?? config.activation,
    filters: [...cnn.filters],
    kernelSize: String(cnn.kernelSize),
    denseUnits: cnn.denseUnits.join(','),
    dropout: cnn.dropout,
    limit: config.limit ?? '',
    augment: config.augment ?? false,
    threads: String(config.threads ?? 1),
    startFrom: config.startFrom ?? '',
    userSamples: config.userSamples ?? false,
  };
}

function toNumber(value: Input): number {
  if (typeof value === 'number') return value;
  return value.trim() === '' ? NaN : Number(value);
}

/** "128, 64" → [128, 64]; anything that is not a number becomes NaN so the schema names it. */
export function parseHiddenUnits(text: string): number[] {
  return text.split(/[\s,]+/).filter(Boolean).map(Number);
}

/** A message a person can act on, from one schema issue; `element` when it is about one size in a comma-separated list. */
function describe(issue: core.$ZodIssue, element: boolean): string {
  const each = element ? 'each layer size ' : '';
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? `${each}must be a whole number` : element ? 'layer sizes must be numbers, e.g. 128,128' : 'enter a number';
    case 'too_small':
      if (issue.origin === 'array') return 'enter at least one layer size, e.g. 128,128';
      return `${each}must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `at most ${String(issue.maximum)} hidden layers`;
      return `${each}must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

/** The field an issue is about (the CNN settings are fields of their own, each block's filters too) and its message. */
function fieldError(issue: core.$ZodIssue): [FieldName | BlockKey, string] {
  const path = issue.path[0] === 'cnn' ? issue.path.slice(1) : issue.path;
  const field = path[0] as FieldName;
  const index = path[1];
  if (typeof index !== 'number') return [field, describe(issue, false)];
  return field === 'filters' ? [`filters.${index}`, describe(issue, false)] : [field, describe(issue, true)];
}

export type FormReading =
  | { config: TrainConfig; errors: null; summary: ModelSummary }
  /** summary: the network's, while its own fields are valid. */
  | { config: null; errors: FieldErrors; summary: ModelSummary | null };

const networkSchema = trainConfigSchema.pick({ hiddenUnits: true, activation: true, cnn: true });

/**
 * Validates the fields with the same schema the backend uses; errors are keyed by field. Also summarizes the network
 * as Keras' model.summary() does (each layer's output shape and parameter count); a CNN whose kernels outgrow the
 * image its poolings shrink (5×5 in a third block) is an error at the kernel size.
 */
export function readFields(fields: TrainFields): FormReading {
  const limit = fields.limit === '' ? undefined : toNumber(fields.limit);
  const network = {
    hiddenUnits: parseHiddenUnits(fields.hiddenUnits),
    activation: fields.activation,
    ...(fields.architecture === 'cnn'
      ? {
          cnn: {
            filters: fields.filters.map(toNumber),
            kernelSize: Number(fields.kernelSize),
            denseUnits: parseHiddenUnits(fields.denseUnits),
            dropout: toNumber(fields.dropout),
            activation: fields.activation,
          },
        }
      : {}),
  };
  const candidate = {
    epochs: toNumber(fields.epochs),
    batchSize: toNumber(fields.batchSize),
    learningRate: toNumber(fields.learningRate),
    optimizer: fields.optimizer,
    momentum: toNumber(fields.momentum),
    ...network,
    validationSplit: toNumber(fields.validationSplit),
    seed: toNumber(fields.seed),
    ...(limit === undefined ? {} : { limit }),
    backend: fields.backend,
    ...(fields.augment ? { augment: true } : {}),
    ...(fields.threads === '1' ? {} : { threads: fields.threads === '2' ? 2 : fields.threads }),
    ...(fields.startFrom ? { startFrom: fields.startFrom } : {}),
    ...(fields.userSamples ? { userSamples: true } : {}),
  };
  const errors: FieldErrors = {};
  // The schema refuses kernels too large for the blocks, so a network that parses has a summary.
  const parsedNetwork = networkSchema.safeParse(network);
  const summary: ModelSummary | null = parsedNetwork.success ? modelSummary(runLayers(parsedNetwork.data)) : null;
  const result = trainConfigSchema.safeParse(candidate);
  for (const issue of result.success ? [] : result.error.issues) {
    const [field, message] = fieldError(issue);
    errors[field] ??= message;
  }
  if (result.success && summary) return { config: result.data, errors: null, summary };
  return { config: null, errors, summary };
}

/** Whether two configs (or two of their values) are the same (key order and absent optional keys do not matter). */
export function sameConfig(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => sameConfig((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
