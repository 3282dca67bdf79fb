/**
 * What an exported file says about its model in words: the one-line Model.description ("Digit Studio MNIST digit
 * classifier: 784 → Dense 128 relu → Dense 10 softmax (float32 weights)") and the longer description in its TFLite
 * Model Metadata, which adds the input, how the model was trained and its MNIST accuracy when those are known.
 */
import type { InputEncoding, Quantization } from '../../api/export-options';
import type { LayerSpec } from '../../api/layer-model';
import type { CompileInfo } from '../../api/model-spec';

/** Facts about the model that its weights do not carry; the library knows them for the models it trained. */
export interface ModelFacts {
  name?: string;
  /** Fraction of the 10,000 MNIST test images the model gets right. */
  testAccuracy?: number | null;
}

const WEIGHTS: Record<Quantization, string> = {
  none: 'float32 weights',
  float16: 'float16 weights',
  int8: 'int8 dynamic-range weights',
  'int8-full': 'full-integer int8 weights and activations',
};

/** A layer in the file's description, e.g. "Conv2D 32 3x3 valid relu"; null for Dropout, which the file leaves out. */
function layerText(layer: LayerSpec): string | null {
  switch (layer.type) {
    case 'InputLayer':
      return layer.shape.join('x');
    case 'Reshape':
      return `Reshape ${layer.targetShape.join('x')}`;
    case 'Conv2D':
      return `Conv2D ${layer.filters} ${layer.kernelSize.join('x')} ${layer.padding} ${layer.activation}`;
    case 'MaxPooling2D':
    case 'AveragePooling2D':
      return `${layer.type} ${layer.poolSize.join('x')} stride ${layer.strides.join('x')} ${layer.padding}`;
    case 'Flatten':
      return 'Flatten';
    case 'Dropout':
      return null;
    case 'Dense':
      return `Dense ${layer.units} ${layer.activation}`;
    case 'Activation':
      return `Activation ${layer.activation}`;
    case 'BatchNormalization':
      return 'BatchNormalization';
  }
}

/** "Digit Studio MNIST digit classifier: 784 → Dense 128 relu → Dense 10 softmax (float32 weights)" */
export function describeModel(layers: readonly LayerSpec[], quantize: Quantization): string {
  return `Digit Studio MNIST digit classifier: ${layers.map(layerText).filter(Boolean).join(' → ')} (${WEIGHTS[quantize]})`;
}

function trainingText(compile: CompileInfo | undefined): string | null {
  if (!compile) return null;
  const momentum = compile.momentum === undefined ? '' : `, momentum ${compile.momentum}`;
  return `Trained with ${compile.optimizer} (learning rate ${compile.learningRate}${momentum}), categorical cross-entropy.`;
}

/** The ModelMetadata description: what it recognizes, from what input, its layers, training and accuracy when known. */
export function describeForMetadata(layers: readonly LayerSpec[], quantize: Quantization, input: InputEncoding, compile: CompileInfo | undefined, facts: ModelFacts): string {
  const accuracy = typeof facts.testAccuracy === 'number' ? `MNIST test accuracy ${(facts.testAccuracy * 100).toFixed(2)} %.` : null;
  const polarity = input.invert ? 'a dark digit on a light background (inverted inside the graph)' : 'a white digit on a black background, as in MNIST';
  return [
    `Recognizes one handwritten digit (0–9) in a 28×28 image: ${polarity}.`,
    `${describeModel(layers, quantize)}.`,
    trainingText(compile),
    accuracy,
  ]
    .filter(Boolean)
    .join(' ');
}
