/** The Train form's settings as data: each control's id, label, hint and kind, in rows of one or two side by side. */
import type { BackendInfo } from '../../../core/api/contract';
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
export type SettingKey = 'epochs' | 'batchSize' | 'learningRate' | 'optimizer' | 'momentum' | 'hiddenUnits' | 'validationSplit' | 'limit' | 'seed' | 'backend';

export interface FieldSpec extends SettingSpec {
  key: SettingKey;
  /** Shown only while this holds; absent: always. */
  when?: (fields: TrainFields) => boolean;
}

const number = (min: string, step: string, max?: string): Record<string, string> => ({ type: 'number', min, ...(max === undefined ? {} : { max }), step });

/** The rows under the preset, in display order; the backend choices are the ones the backend reported. */
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
      {
        key: 'hiddenUnits',
        id: 'train-hidden',
        label: 'Hidden layer sizes',
        hint: 'Comma-separated, e.g. 128,128',
        control: { type: 'text', inputmode: 'numeric', autocomplete: 'off' },
      },
    ],
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
