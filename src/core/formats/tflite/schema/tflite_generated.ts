// Generated from tflite.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

export { ActivationFunctionType } from './tflite/activation-function-type';
export { Buffer } from './tflite/buffer';
export { BuiltinOperator } from './tflite/builtin-operator';
export { BuiltinOptions, unionToBuiltinOptions, unionListToBuiltinOptions } from './tflite/builtin-options';
export { Conv2DOptions } from './tflite/conv2doptions';
export { DequantizeOptions } from './tflite/dequantize-options';
export { FullyConnectedOptions } from './tflite/fully-connected-options';
export { FullyConnectedOptionsWeightsFormat } from './tflite/fully-connected-options-weights-format';
export { Metadata } from './tflite/metadata';
export { Model } from './tflite/model';
export { Operator } from './tflite/operator';
export { OperatorCode } from './tflite/operator-code';
export { Padding } from './tflite/padding';
export { Pool2DOptions } from './tflite/pool2doptions';
export { QuantizationParameters } from './tflite/quantization-parameters';
export { ReducerOptions } from './tflite/reducer-options';
export { ReshapeOptions } from './tflite/reshape-options';
export { SignatureDef } from './tflite/signature-def';
export { SoftmaxOptions } from './tflite/softmax-options';
export { SubGraph } from './tflite/sub-graph';
export { Tensor } from './tflite/tensor';
export { TensorMap } from './tflite/tensor-map';
export { TensorType } from './tflite/tensor-type';
