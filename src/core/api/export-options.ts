/**
 * The choices a TFLite export offers, in one place for the writer, the CLI and the API contract. Pure (no
 * imports), so the renderer can use them too.
 */
/**
 * int8: dynamic-range (int8 weights, float32 activations); int8-full: full-integer (int8 weights and activations,
 * ranges calibrated on MNIST training images), for microcontrollers and integer-only accelerators.
 */
export const QUANTIZATIONS = ['none', 'float16', 'int8', 'int8-full'] as const;
export type Quantization = (typeof QUANTIZATIONS)[number];

/**
 * 784 = [1,784]; 28x28 = [1,28,28,1]; 28x28x3 = [1,28,28,3] RGB, the image-classifier form MediaPipe, the Task
 * Library / ML Kit and Android Studio's ML Model Binding accept (the grayscale conversion is in the graph).
 */
export const INPUT_SHAPES = ['784', '28x28', '28x28x3'] as const;
export type InputShape = (typeof INPUT_SHAPES)[number];

/**
 * float32: pixels/255 (the metadata's NormalizationOptions say so); uint8: raw 0–255 pixels; int8: pixel − 128 (full
 * integer only). A full-integer file's output has the input's type (int8 or uint8 scores, or float32 behind a
 * DEQUANTIZE), as TensorFlow's converter is usually asked for (inference_input_type = inference_output_type).
 */
export const INPUT_TYPES = ['float32', 'uint8', 'int8'] as const;
export type InputType = (typeof INPUT_TYPES)[number];

/** The input type when none is chosen: int8 for a full-integer file (the converter's default ends), else float32. */
export function defaultInputType(quantize: Quantization): InputType {
  return quantize === 'int8-full' ? 'int8' : 'float32';
}

/** Why an input type does not go with a quantization, or null. */
export function inputTypeProblem(quantize: Quantization, inputType: InputType): string | null {
  return inputType === 'int8' && quantize !== 'int8-full' ? 'an int8 input needs full-integer quantization (int8-full): only that graph computes in int8' : null;
}

/** What the input tensor takes; `invert`: the app draws dark ink on a light background, the graph turns it into MNIST's white on black. */
export interface InputEncoding {
  inputShape: InputShape;
  inputType?: InputType;
  invert?: boolean;
}

export const LABEL_STYLES = ['words', 'digits'] as const;
export type LabelStyle = (typeof LABEL_STYLES)[number];
