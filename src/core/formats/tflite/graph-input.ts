/**
 * The file's input tensor and the steps from it to what the model reads, MNIST pixels/255 (white digit on black):
 * uint8 input → CAST to float32; an RGB [1,28,28,3] input → MEAN over the channel axis (keep_dims) → [1,28,28,1]
 * (consumers hand over R=G=B for a gray drawing); uint8 → MUL 1/255; `invert` → 1 − x, for apps that draw dark ink
 * on a light background. A float32 input arrives as pixels/255 already: the metadata's NormalizationOptions
 * (mean 0, std 255) make MediaPipe and the Task Library feed it so. The MNIST-style crop and centring cannot be
 * expressed here: the caller's preprocessing does it.
 */
import type { InputEncoding } from '../../api/export-options';
import { INPUT_SIZE } from '../../api/model-spec';
import { bytesOf, type GraphBuilder, type Value } from './graph-builder';
import { BuiltinOperator, TensorType } from './schema/tflite_generated';

const IMAGE_SIDE = 28;

/** The input tensor's shape for each InputShape choice (batch 1). */
export function inputTensorShape(shape: InputEncoding['inputShape']): number[] {
  switch (shape) {
    case '784':
      return [1, INPUT_SIZE];
    case '28x28':
      return [1, IMAGE_SIDE, IMAGE_SIDE, 1];
    case '28x28x3':
      return [1, IMAGE_SIDE, IMAGE_SIDE, 3];
  }
}

/** A float32 constant of shape [1], broadcast over x (kept float32 in every variant: a scale like 1/255 loses digits in float16). */
function scalar(g: GraphBuilder, name: string, value: number): number {
  return g.tensor({ name, shape: [1], type: TensorType.FLOAT32, data: bytesOf(Float32Array.of(value)) });
}

/** Adds the input tensor and its preprocessing; returns the input's index and the float32 pixels/255 the first layer reads. */
export function inputSteps(g: GraphBuilder, { inputShape, inputType = 'float32', invert = false }: InputEncoding): { input: number; x: Value } {
  const shape = inputTensorShape(inputShape);
  const input = g.tensor({ name: 'input', shape, type: inputType === 'uint8' ? TensorType.UINT8 : TensorType.FLOAT32 });
  let x: Value = { index: input, shape };
  if (inputType === 'uint8') x = g.apply(BuiltinOperator.CAST, [input], 'input/float', shape, { kind: 'none' });
  if (shape[3] === 3) {
    const axis = g.tensor({ name: 'input/channel_axis', shape: [1], type: TensorType.INT32, data: bytesOf(Int32Array.of(3)) });
    x = g.apply(BuiltinOperator.MEAN, [x.index, axis], 'input/gray', [...shape.slice(0, 3), 1], { kind: 'reducer', keepDims: true });
  }
  if (inputType === 'uint8') x = g.apply(BuiltinOperator.MUL, [x.index, scalar(g, 'input/scale', 1 / 255)], 'input/scaled', x.shape, { kind: 'none' });
  if (invert) x = g.apply(BuiltinOperator.SUB, [scalar(g, 'input/one', 1), x.index], 'input/inverted', x.shape, { kind: 'none' });
  return { input, x };
}
