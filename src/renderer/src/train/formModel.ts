/** The Train form's fields (what the inputs hold) and their conversion to a validated TrainConfig. */
import type { core } from 'zod';
import { trainConfigSchema, type TrainConfig } from '../../../core/api/train-config';

/** Number inputs give numbers, or '' when empty or unparsable; text inputs give strings. */
type Input = string | number;

export interface TrainFields {
  epochs: Input;
  batchSize: Input;
  learningRate: Input;
  optimizer: string;
  momentum: Input;
  hiddenUnits: string;
  activation: string;
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
export type FieldErrors = Partial<Record<FieldName, string>>;

export function fieldsFromConfig(config: TrainConfig): TrainFields {
  return { ...config, hiddenUnits: config.hiddenUnits.join(','), limit: config.limit ?? '', augment: config.augment ?? false, threads: String(config.threads ?? 1), startFrom: config.startFrom ?? '', userSamples: config.userSamples ?? false };
}

function toNumber(value: Input): number {
  if (typeof value === 'number') return value;
  return value.trim() === '' ? NaN : Number(value);
}

/** "128, 64" → [128, 64]; anything that is not a number becomes NaN so the schema names it. */
export function parseHiddenUnits(text: string): number[] {
  return text.split(/[\s,]+/).filter(Boolean).map(Number);
}

/** A message a person can act on, from one schema issue. */
function describe(issue: core.$ZodIssue): string {
  const element = issue.path.length > 1 ? 'each layer size ' : '';
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? `${element}must be a whole number` : element ? 'layer sizes must be numbers, e.g. 128,128' : 'enter a number';
    case 'too_small':
      if (issue.origin === 'array') return 'enter at least one layer size, e.g. 128,128';
      return `${element}must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `at most ${String(issue.maximum)} hidden layers`;
      return `${element}must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

/** Validates the fields with the same schema the backend uses; errors are keyed by field. */
export function readFields(fields: TrainFields): { config: TrainConfig; errors: null } | { config: null; errors: FieldErrors } {
  const limit = fields.limit === '' ? undefined : toNumber(fields.limit);
  const candidate = {
    epochs: toNumber(fields.epochs),
    batchSize: toNumber(fields.batchSize),
    learningRate: toNumber(fields.learningRate),
    optimizer: fields.optimizer,
    momentum: toNumber(fields.momentum),
    hiddenUnits: parseHiddenUnits(fields.hiddenUnits),
    activation: fields.activation,
    validationSplit: toNumber(fields.validationSplit),
    seed: toNumber(fields.seed),
    ...(limit === undefined ? {} : { limit }),
    backend: fields.backend,
    ...(fields.augment ? { augment: true } : {}),
    ...(fields.threads === '1' ? {} : { threads: fields.threads === '2' ? 2 : fields.threads }),
    ...(fields.startFrom ? { startFrom: fields.startFrom } : {}),
    ...(fields.userSamples ? { userSamples: true } : {}),
  };
  const result = trainConfigSchema.safeParse(candidate);
  if (result.success) return { config: result.data, errors: null };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as FieldName;
    errors[field] ??= describe(issue);
  }
  return { config: null, errors };
}

/** Whether two configs describe the same run (key order and absent optional keys do not matter). */
export function sameConfig(a: TrainConfig, b: TrainConfig): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof TrainConfig>;
  return [...keys].every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}
