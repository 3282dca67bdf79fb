/** The Train form's settings as data: each control's id, label, hint and kind, in rows of one or two side by side. */
import { CONV_KERNEL_SIZES } from '../../../core/api/architecture';
import type { BackendInfo } from '../../../core/api/contract';
import { HIDDEN_ACTIVATIONS } from '../../../core/api/model-spec';
import type { TrainFields } from './formModel';

export interface Choice {
  value: string;
  label: string;
  disabled?: boolean;
}

/** One labelled control: a select when it has choices, else an input. */
export interface SettingSpec {
  id: string;
  label: string;
  hint?: string;
  choices?: readonly Choice[];
  /** More attributes of the control: an input's type, min, max, step…, a test id. */
  control?: Readonly<Record<string, string>>;
}

/** The fields edited by a text, number or select control (the checkboxes live in their own components). */
export type SettingKey =
  | 'epochs'
  | 'batchSize'
  | 'learningRate'
  | 'optimizer'
  | 'momentum'
  | 'hiddenUnits'
  | 'activation'
  | 'kernelSize'
  | 'denseUnits'
  | 'dropout'
  | 'validationSplit'
  | 'limit'
  | 'seed'
  | 'backend';

export interface FieldSpec extends SettingSpec {
  key: SettingKey;
  /** Shown only while this holds (or while the field holds an invalid value); absent: always. */
  when?: (fields: TrainFields) => boolean;
}

const number = (min: string, step: string, max?: string): Record<string, string> => ({ type: 'number', min, ...(max === undefined ? {} : { max }), step });
const sizes = { type: 'text', inputmode: 'numeric', autocomplete: 'off' };
const mlp = (fields: TrainFields): boolean => fields.architecture === 'mlp';
const cnn = (fields: TrainFields): boolean => fields.architecture === 'cnn';

/** The layer settings under the architecture switch (the CNN's filters per block have their own control). */
export const NETWORK_ROWS: readonly FieldSpec[][] = [
  [
    { key: 'hiddenUnits', id: 'train-hidden', label: 'Hidden layers', hint: 'Comma-separated, e.g. 128,128', control: sizes, when: mlp },
    { key: 'kernelSize', id: 'train-kernel-size', label: 'Kernel size', choices: CONV_KERNEL_SIZES.map((k) => ({ value: String(k), label: `${k}×${k}` })), when: cnn },
    { key: 'activation', id: 'train-activation', label: 'Activation', choices: HIDDEN_ACTIVATIONS.map((a) => ({ value: a, label: a })) },
  ],
  [
    { key: 'denseUnits', id: 'train-dense-units', label: 'Dense layers', hint: 'Sizes after Flatten; empty: none', control: { ...sizes, placeholder: 'none' }, when: cnn },
    { key: 'dropout', id: 'train-dropout', label: 'Dropout', hint: '0: no Dropout layer', control: number('0', '0.05', '0.95'), when: cnn },
  ],
];

/** The rows under the network, in display order; the backend choices are the ones the backend reported. */
export function settingRows(backends: readonly BackendInfo[]): FieldSpec[][] {
  return [
    [
      { key: 'epochs', id: 'train-epochs', label: 'Epochs', control: number('1', '1') },
      { key: 'batchSize', id: 'train-batch-size', label: 'Batch size', control: number('1', '1') },
    ],
    [
      { key: 'learningRate', id: 'train-learning-rate', label: 'Learning rate', control: number('0', 'any') },
      {
        key: 'optimizer',
        id: 'train-optimizer',
        label: 'Optimizer',
        choices: [
          { value: 'sgd', label: 'SGD' },
          { value: 'momentum', label: 'SGD + momentum' },
          { value: 'adam', label: 'Adam' },
        ],
      },
    ],
    [{ key: 'momentum', id: 'train-momentum', label: 'Momentum', control: number('0', '0.01', '0.99'), when: (fields) => fields.optimizer === 'momentum' }],
    [
      { key: 'validationSplit', id: 'train-validation', label: 'Validation split', control: number('0', '0.05', '0.95') },
      { key: 'limit', id: 'train-limit', label: 'Training images', hint: 'Empty: all 60,000', control: { ...number('1', '1', '60000'), placeholder: 'all' } },
    ],
    [
      { key: 'seed', id: 'train-seed', label: 'Seed', control: number('0', '1') },
      {
        key: 'backend',
        id: 'train-backend',
        label: 'Backend',
        choices: [{ value: 'auto', label: 'Automatic' }, ...backends.map((b) => ({ value: b.name, label: b.label }))],
      },
    ],
  ];
}
