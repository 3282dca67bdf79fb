/**
 * The .h5 "training_config" attribute: how the model was compiled (loss, metrics, optimizer with its real
 * hyper-parameters), which load_model(compile=True) uses to rebuild the optimizer.
 *
 * Written in the form both tf.keras 2.x and Keras 3 accept: snake_case Keras argument names, a loss_weights key
 * (Keras 3 reads it unconditionally), and plain optimizer class names. tf.keras >= 2.11 wrote 'Custom>SGD',
 * which Keras 3 does not resolve: it silently falls back to SGD(learning_rate=0.01).
 */
import type { CompileInfo } from '../../api/model-spec';
import { objectOf, type KerasObject, type OptimizerConfig, type TrainingConfig, type Unchecked } from '../keras-format';
import { PyFloat, pythonJson } from './python-json';

/** What the file says about its optimizer, whether or not Digit Studio can train with it. */
export interface OptimizerInfo {
  className: string;
  /** null when the file holds a learning-rate schedule instead of a number. */
  learningRate: number | null;
  momentum?: number;
  nesterov?: boolean;
}

export interface TrainingSummary {
  optimizer: OptimizerInfo | null;
  loss: string | null;
  /** Set when Digit Studio can continue with the same settings (SGD, SGD with momentum or Adam; categorical cross-entropy). */
  compile?: CompileInfo;
}

/** The app trains with momentum 0.9 unless told otherwise (api/train-config). */
const DEFAULT_MOMENTUM = 0.9;
const ADAM = { beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false };

function kerasOptimizer(compile: CompileInfo): TrainingConfig['optimizer_config'] {
  // Keras keeps the learning rate in a float32 variable and saves that value; writing it the same way means the
  // number in the file is exactly the one Keras loads (0.01 is stored as 0.009999999776482582).
  const learningRate = new PyFloat(Math.fround(compile.learningRate));
  switch (compile.optimizer) {
    case 'sgd':
      return { class_name: 'SGD', config: { name: 'SGD', learning_rate: learningRate, momentum: new PyFloat(0), nesterov: false } };
    case 'momentum':
      return { class_name: 'SGD', config: { name: 'SGD', learning_rate: learningRate, momentum: new PyFloat(compile.momentum ?? DEFAULT_MOMENTUM), nesterov: false } };
    case 'adam': {
      const { beta_1, beta_2, epsilon, amsgrad } = ADAM;
      return { class_name: 'Adam', config: { name: 'Adam', learning_rate: learningRate, beta_1: new PyFloat(beta_1), beta_2: new PyFloat(beta_2), epsilon: new PyFloat(epsilon), amsgrad } };
    }
  }
}

/** The training_config attribute's JSON text. */
export function kerasTrainingConfig(compile: CompileInfo): string {
  const config: TrainingConfig = { loss: compile.loss, metrics: ['accuracy'], weighted_metrics: null, loss_weights: null, optimizer_config: kerasOptimizer(compile) };
  return pythonJson(config);
}

/** The shortest decimal with the same float32 value: 0.009999999776482582 → 0.01. */
export function float32Decimal(value: number): number {
  const single = Math.fround(value);
  for (let digits = 1; digits < 10; digits++) {
    const candidate = Number(single.toPrecision(digits));
    if (Math.fround(candidate) === single) return candidate;
  }
  return single;
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? float32Decimal(value) : undefined;
}

function lossName(loss: unknown): string | null {
  if (typeof loss === 'string') return loss;
  const className = objectOf<KerasObject>(loss)?.class_name;
  return typeof className === 'string' ? className : null;
}

function optimizerInfo(className: unknown, config: Unchecked<OptimizerConfig>): OptimizerInfo | null {
  if (typeof className !== 'string') return null;
  const momentum = finite(config.momentum);
  return {
    // 'Custom>SGD' (tf.keras >= 2.11) and 'keras.optimizers.SGD' name the same class as 'SGD'.
    className: className.split(/[>.]/).pop() ?? className,
    learningRate: finite(config.learning_rate ?? config.lr) ?? null,
    ...(momentum !== undefined ? { momentum } : {}),
    ...(typeof config.nesterov === 'boolean' ? { nesterov: config.nesterov } : {}),
  };
}

function isDefaultAdam(config: Unchecked<OptimizerConfig>): boolean {
  const same = (key: 'beta_1' | 'beta_2' | 'epsilon'): boolean => config[key] === undefined || finite(config[key]) === ADAM[key];
  return same('beta_1') && same('beta_2') && same('epsilon') && !config.amsgrad;
}

function compileInfo(optimizer: OptimizerInfo, config: Unchecked<OptimizerConfig>, loss: string | null): CompileInfo | undefined {
  if (loss !== 'categorical_crossentropy' && loss !== 'CategoricalCrossentropy') return undefined;
  const { learningRate, momentum = 0, nesterov } = optimizer;
  if (learningRate === null || learningRate <= 0) return undefined;
  const base = { learningRate, loss: 'categorical_crossentropy' as const };
  if (optimizer.className === 'SGD' && !nesterov) return momentum > 0 ? { optimizer: 'momentum', momentum, ...base } : { optimizer: 'sgd', ...base };
  if (optimizer.className === 'Adam' && isDefaultAdam(config)) return { optimizer: 'adam', ...base };
  return undefined;
}

/** Reads a parsed training_config; anything unrecognised simply yields no optimizer/compile information. */
export function readTrainingConfig(trainingConfig: unknown): TrainingSummary {
  const training = objectOf<TrainingConfig>(trainingConfig);
  const serialized = objectOf<TrainingConfig['optimizer_config']>(training?.optimizer_config);
  const config = objectOf<OptimizerConfig>(serialized?.config) ?? {};
  const optimizer = optimizerInfo(serialized?.class_name, config);
  const loss = lossName(training?.loss);
  const compile = optimizer ? compileInfo(optimizer, config, loss) : undefined;
  return { optimizer, loss, ...(compile ? { compile } : {}) };
}
