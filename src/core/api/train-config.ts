import { z } from 'zod';
import { cnnSettingsSchema, KERAS_CNN } from './architecture';
import { BACKENDS } from './backends';
import { HIDDEN_ACTIVATIONS, OPTIMIZERS } from './model-spec';

/** Everything a user can set for a run; validated wherever it enters (CLI flags, IPC, WebSocket). */
export const trainConfigSchema = z
  .object({
    epochs: z.number().int().min(1).max(10_000),
    batchSize: z.number().int().min(1).max(60_000),
    learningRate: z.number().positive().max(1e9),
    optimizer: z.enum(OPTIMIZERS),
    momentum: z.number().min(0).lt(1),
    hiddenUnits: z.array(z.number().int().min(1).max(4096)).min(1).max(8),
    activation: z.enum(HIDDEN_ACTIVATIONS),
    /** Train a convolutional network with these settings instead of the Dense stack of hiddenUnits. */
    cnn: cnnSettingsSchema.optional(),
    validationSplit: z.number().min(0).lt(1),
    seed: z.number().int().min(0).max(2 ** 31 - 1),
    /** Use only the first N training images (before the validation split). */
    limit: z.number().int().min(1).max(60_000).optional(),
    backend: z.enum(['auto', ...BACKENDS]),
    /**
     * Random affine distortion of every training image, fresh each epoch: shifts of ±2 px, rotations of ±10°,
     * scale 0.9–1.1. Validation and test images are never distorted.
     */
    augment: z.boolean().optional(),
    /**
     * Engine threads: 1, 2 (two workers split each batch), or 'auto' (two only when both cores are measured
     * idle at start). Other backends ignore it.
     */
    threads: z.union([z.literal(1), z.literal(2), z.literal('auto')]).optional(),
    /** Model id in the library to start from (fine-tuning) instead of fresh Glorot weights. */
    startFrom: z.string().regex(/^[a-z0-9-]{1,64}$/).optional(),
    /** Mix the user's own labelled drawings ("teach it my handwriting") into the training images. */
    userSamples: z.boolean().optional(),
  })
  .strict();

export type TrainConfig = z.infer<typeof trainConfigSchema>;

/** The classic Keras MNIST tutorial: 784 → 128 relu → 128 relu → 10 softmax, SGD 0.01, batch 64, 100 epochs. */
export const KERAS_TUTORIAL: TrainConfig = {
  epochs: 100,
  batchSize: 64,
  learningRate: 0.01,
  optimizer: 'sgd',
  momentum: 0.9,
  hiddenUnits: [128, 128],
  activation: 'relu',
  validationSplit: 0.2,
  seed: 1,
  backend: 'auto',
};

/** Same network, Adam: reaches the tutorial's accuracy in a fraction of the epochs. */
export const RECOMMENDED: TrainConfig = {
  ...KERAS_TUTORIAL,
  epochs: 10,
  optimizer: 'adam',
  learningRate: 0.001,
};

/**
 * For drawings people make: Adam on augmented images, trained longer, with hidden layers of 256 (on real pen digits
 * they read more than 128-wide ones trained the same way; see the README's "The bundled model").
 */
export const ROBUST: TrainConfig = {
  ...RECOMMENDED,
  epochs: 30,
  hiddenUnits: [256, 256],
  augment: true,
};

/** keras.io's mnist_convnet: Adam 0.001, batch 128, 15 epochs (it reaches about 99.1% on the test images). */
export const CNN: TrainConfig = { ...RECOMMENDED, epochs: 15, batchSize: 128, cnn: KERAS_CNN };

/** The same CNN for drawings people make: trained on augmented images, longer. */
export const ROBUST_CNN: TrainConfig = { ...CNN, epochs: 30, augment: true };

export const PRESETS = { 'keras-tutorial': KERAS_TUTORIAL, recommended: RECOMMENDED, robust: ROBUST, cnn: CNN, 'robust-cnn': ROBUST_CNN } as const;
export type PresetName = keyof typeof PRESETS;

export class ConfigError extends Error {}

/** Validates a config and returns a clean copy; the error message names every bad field in one line. */
export function parseTrainConfig(input: unknown): TrainConfig {
  const result = trainConfigSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`);
    throw new ConfigError(`invalid training settings: ${problems.join('; ')}`);
  }
  return result.data;
}
