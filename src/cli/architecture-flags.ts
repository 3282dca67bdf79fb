/**
 * The train command's architecture flags: --arch mlp|cnn, and for a CNN --filters, --kernel-size, --dense-units and
 * --dropout on top of the preset's CNN (keras.io's mnist_convnet when the preset is an MLP one). --activation sets the
 * hidden activation of either.
 */
import { KERAS_CNN, type CnnSettings } from '../core/api/architecture';
import type { TrainConfig } from '../core/api/train-config';
import { UsageError, choiceFlag, integerFlag, listFlag, numberFlag, type ParsedCommand } from './args';

export const ARCHITECTURE_USAGE = '[--arch mlp|cnn] [--filters 32,64] [--kernel-size 3|5] [--dense-units none|128] [--dropout X]';

export const ARCHITECTURE_OPTIONS = {
  arch: { type: 'string' },
  filters: { type: 'string' },
  'kernel-size': { type: 'string' },
  'dense-units': { type: 'string' },
  dropout: { type: 'string' },
} as const;

const CNN_FLAGS = ['filters', 'kernel-size', 'dense-units', 'dropout'] as const;

function denseUnitsFlag(values: ParsedCommand['values']): number[] | undefined {
  return values['dense-units'] === 'none' ? [] : listFlag(values, 'dense-units');
}

function kernelSizeFlag(values: ParsedCommand['values']): 3 | 5 | undefined {
  const size = integerFlag(values, 'kernel-size');
  if (size !== undefined && size !== 3 && size !== 5) throw new UsageError(`--kernel-size: expected 3 or 5, got ${size}`);
  return size;
}

/** The run's cnn settings from the preset's and the flags (undefined: an MLP), unchecked (parseTrainConfig checks). */
export function cnnFromFlags(values: ParsedCommand['values'], preset: TrainConfig): CnnSettings | undefined {
  const arch = choiceFlag(values, 'arch', ['mlp', 'cnn'] as const) ?? (preset.cnn ? 'cnn' : 'mlp');
  if (arch === 'mlp') {
    const stray = CNN_FLAGS.find((name) => values[name] !== undefined);
    if (stray) throw new UsageError(`--${stray} applies to convolutional networks: add --arch cnn or --preset cnn`);
    return undefined;
  }
  const overrides = {
    filters: listFlag(values, 'filters'),
    kernelSize: kernelSizeFlag(values),
    denseUnits: denseUnitsFlag(values),
    dropout: numberFlag(values, 'dropout'),
    activation: values.activation,
  };
  return { ...(preset.cnn ?? KERAS_CNN), ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) } as CnnSettings;
}
