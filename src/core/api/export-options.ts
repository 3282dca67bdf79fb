/**
 * The choices a TFLite export offers, in one place for the writer, the CLI and the API contract. Pure (no
 * imports), so the renderer can use them too.
 */
export const QUANTIZATIONS = ['none', 'float16', 'int8'] as const;
export type Quantization = (typeof QUANTIZATIONS)[number];

/**
 * 784 = [1,784]; 28x28 = [1,28,28,1]; 28x28x3 = [1,28,28,3] RGB, the image-classifier form MediaPipe, the Task
 * Library / ML Kit and Android Studio's ML Model Binding accept (the grayscale conversion is in the graph).
 */
export const INPUT_SHAPES = ['784', '28x28', '28x28x3'] as const;
export type InputShape = (typeof INPUT_SHAPES)[number];

/** float32: pixels/255 (the metadata's NormalizationOptions say so); uint8: raw 0–255 pixels, scaled in the graph. */
export const INPUT_TYPES = ['float32', 'uint8'] as const;
export type InputType = (typeof INPUT_TYPES)[number];

/** What the input tensor takes; `invert`: the app draws dark ink on a light background, the graph turns it into MNIST's white on black. */
export interface InputEncoding {
  inputShape: InputShape;
  inputType?: InputType;
  invert?: boolean;
}

export const LABEL_STYLES = ['words', 'digits'] as const;
export type LabelStyle = (typeof LABEL_STYLES)[number];
