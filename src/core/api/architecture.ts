/**
 * The architectures a run can train, as Keras layer lists: the Dense stack (MLP) of hiddenUnits, or a small
 * convolutional network (CNN) described by a run's `cnn` settings. keras.io's mnist_convnet is the default CNN:
 * Conv2D 32 3x3 relu → MaxPooling2D 2 → Conv2D 64 3x3 relu → MaxPooling2D 2 → Flatten → Dropout 0.5 →
 * Dense 10 softmax (34,826 parameters).
 */
import { z } from 'zod';
import { HIDDEN_ACTIVATIONS, NUM_CLASSES, mlpSpec, type HiddenActivation } from './model-spec';
import { denseLayers, summarizeLayers, type LayerSpec } from './layer-model';

export const CONV_KERNEL_SIZES = [3, 5] as const;

/** A CNN's settings: one Conv2D + MaxPooling2D(2) block per filter count, then Flatten, Dense layers, Dropout, Dense(10). */
export const cnnSettingsSchema = z
  .object({
    /** Filters of each Conv2D layer, in order; each is followed by a 2x2 max pooling. */
    filters: z.array(z.number().int().min(1).max(256)).min(1).max(3),
    kernelSize: z.union([z.literal(3), z.literal(5)]),
    /** Hidden Dense layers between Flatten and the output layer (none in keras.io's CNN). */
    denseUnits: z.array(z.number().int().min(1).max(1024)).max(2),
    /** Dropout rate before the output layer; 0 leaves the Dropout layer out. */
    dropout: z.number().min(0).lt(1),
    activation: z.enum(HIDDEN_ACTIVATIONS),
  })
  .strict()
  .superRefine((settings, context) => {
    // Each block shrinks the image: 28 → 26 → 13 → 11 → 5 → 3 → 1 with 3x3 kernels; 5x5 ones run out after two blocks.
    try {
      summarizeLayers(cnnLayers(settings));
    } catch {
      context.addIssue({ code: 'custom', path: ['kernelSize'], message: `a ${settings.kernelSize}x${settings.kernelSize} kernel is too large for ${settings.filters.length} blocks: choose a smaller kernel or fewer blocks` });
    }
  });

export type CnnSettings = z.infer<typeof cnnSettingsSchema>;

/** keras.io's mnist_convnet. */
export const KERAS_CNN: CnnSettings = { filters: [32, 64], kernelSize: 3, denseUnits: [], dropout: 0.5, activation: 'relu' };

/** Keras' default name of the index-th layer of a type: conv2d, conv2d_1, ... */
function kerasName(base: string, counts: Map<string, number>): string {
  const index = counts.get(base) ?? 0;
  counts.set(base, index + 1);
  return index === 0 ? base : `${base}_${index}`;
}

/** The layer list of a CNN, named as Keras names a fresh model's layers. */
export function cnnLayers(settings: CnnSettings): LayerSpec[] {
  const counts = new Map<string, number>();
  const name = (base: string): string => kerasName(base, counts);
  const layers: LayerSpec[] = [{ type: 'InputLayer', name: 'input_layer', shape: [28, 28, 1] }];
  for (const filters of settings.filters) {
    const size = settings.kernelSize;
    layers.push({ type: 'Conv2D', name: name('conv2d'), filters, kernelSize: [size, size], padding: 'valid', activation: settings.activation });
    layers.push({ type: 'MaxPooling2D', name: name('max_pooling2d'), poolSize: [2, 2], strides: [2, 2], padding: 'valid' });
  }
  layers.push({ type: 'Flatten', name: name('flatten') });
  for (const units of settings.denseUnits) layers.push({ type: 'Dense', name: name('dense'), units, activation: settings.activation });
  if (settings.dropout > 0) layers.push({ type: 'Dropout', name: name('dropout'), rate: settings.dropout });
  layers.push({ type: 'Dense', name: name('dense'), units: NUM_CLASSES, activation: 'softmax' });
  return layers;
}

/** The layers a run trains: its CNN when it has `cnn` settings, else the Dense stack of its hidden sizes. */
export function runLayers(config: { cnn?: CnnSettings; hiddenUnits: readonly number[]; activation: HiddenActivation }): LayerSpec[] {
  if (config.cnn) return cnnLayers(config.cnn);
  return denseLayers(mlpSpec(config.hiddenUnits, config.activation));
}

/** A run's architecture in a few words: "hidden=128,128", or "cnn filters=32,64 kernel=3 dense=none dropout=0.5". */
export function describeArchitecture(config: { cnn?: CnnSettings; hiddenUnits: readonly number[] }): string {
  const { cnn } = config;
  if (!cnn) return `hidden=${config.hiddenUnits.join(',')}`;
  return `cnn filters=${cnn.filters.join(',')} kernel=${cnn.kernelSize} dense=${cnn.denseUnits.join(',') || 'none'} dropout=${cnn.dropout}`;
}
