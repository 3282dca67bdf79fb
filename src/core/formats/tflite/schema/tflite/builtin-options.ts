// Generated from tflite.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

import { Conv2DOptions } from '../tflite/conv2doptions';
import { DequantizeOptions } from '../tflite/dequantize-options';
import { FullyConnectedOptions } from '../tflite/fully-connected-options';
import { Pool2DOptions } from '../tflite/pool2doptions';
import { ReducerOptions } from '../tflite/reducer-options';
import { ReshapeOptions } from '../tflite/reshape-options';
import { SoftmaxOptions } from '../tflite/softmax-options';


export enum BuiltinOptions {
  NONE = 0,
  Conv2DOptions = 1,
  Pool2DOptions = 5,
  FullyConnectedOptions = 8,
  SoftmaxOptions = 9,
  ReshapeOptions = 17,
  ReducerOptions = 27,
  DequantizeOptions = 38
}

export function unionToBuiltinOptions(
  type: BuiltinOptions,
  accessor: (obj:Conv2DOptions|DequantizeOptions|FullyConnectedOptions|Pool2DOptions|ReducerOptions|ReshapeOptions|SoftmaxOptions) => Conv2DOptions|DequantizeOptions|FullyConnectedOptions|Pool2DOptions|ReducerOptions|ReshapeOptions|SoftmaxOptions|null
): Conv2DOptions|DequantizeOptions|FullyConnectedOptions|Pool2DOptions|ReducerOptions|ReshapeOptions|SoftmaxOptions|null {
  switch(BuiltinOptions[type]) {
    case 'NONE': return null; 
    case 'Conv2DOptions': return accessor(new Conv2DOptions())! as Conv2DOptions;
    case 'Pool2DOptions': return accessor(new Pool2DOptions())! as Pool2DOptions;
    case 'FullyConnectedOptions': return accessor(new FullyConnectedOptions())! as FullyConnectedOptions;
    case 'SoftmaxOptions': return accessor(new SoftmaxOptions())! as SoftmaxOptions;
    case 'ReshapeOptions': return accessor(new ReshapeOptions())! as ReshapeOptions;
    case 'ReducerOptions': return accessor(new ReducerOptions())! as ReducerOptions;
    case 'DequantizeOptions': return accessor(new DequantizeOptions())! as DequantizeOptions;
    default: return null;
  }
}

export function unionListToBuiltinOptions(
  type: BuiltinOptions, 
  accessor: (index: number, obj:Conv2DOptions|DequantizeOptions|FullyConnectedOptions|Pool2DOptions|ReducerOptions|ReshapeOptions|SoftmaxOptions) => Conv2DOptions|DequantizeOptions|FullyConnectedOptions|Pool2DOptions|ReducerOptions|ReshapeOptions|SoftmaxOptions|null, 
  index: number
): Conv2DOptions|DequantizeOptions|FullyConnectedOptions|Pool2DOptions|ReducerOptions|ReshapeOptions|SoftmaxOptions|null {
  switch(BuiltinOptions[type]) {
    case 'NONE': return null; 
    case 'Conv2DOptions': return accessor(index, new Conv2DOptions())! as Conv2DOptions;
    case 'Pool2DOptions': return accessor(index, new Pool2DOptions())! as Pool2DOptions;
    case 'FullyConnectedOptions': return accessor(index, new FullyConnectedOptions())! as FullyConnectedOptions;
    case 'SoftmaxOptions': return accessor(index, new SoftmaxOptions())! as SoftmaxOptions;
    case 'ReshapeOptions': return accessor(index, new ReshapeOptions())! as ReshapeOptions;
    case 'ReducerOptions': return accessor(index, new ReducerOptions())! as ReducerOptions;
    case 'DequantizeOptions': return accessor(index, new DequantizeOptions())! as DequantizeOptions;
    default: return null;
  }
}
