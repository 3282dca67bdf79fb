// Generated from tflite.fbs by generate.sh (flatc version 2.0.8 --ts); do not edit.
/* eslint-disable */
// @ts-nocheck

import { DequantizeOptions } from '../tflite/dequantize-options';
import { FullyConnectedOptions } from '../tflite/fully-connected-options';
import { ReshapeOptions } from '../tflite/reshape-options';
import { SoftmaxOptions } from '../tflite/softmax-options';


export enum BuiltinOptions {
  NONE = 0,
  FullyConnectedOptions = 8,
  SoftmaxOptions = 9,
  ReshapeOptions = 17,
  DequantizeOptions = 38
}

export function unionToBuiltinOptions(
  type: BuiltinOptions,
  accessor: (obj:DequantizeOptions|FullyConnectedOptions|ReshapeOptions|SoftmaxOptions) => DequantizeOptions|FullyConnectedOptions|ReshapeOptions|SoftmaxOptions|null
): DequantizeOptions|FullyConnectedOptions|ReshapeOptions|SoftmaxOptions|null {
  switch(BuiltinOptions[type]) {
    case 'NONE': return null; 
    case 'FullyConnectedOptions': return accessor(new FullyConnectedOptions())! as FullyConnectedOptions;
    case 'SoftmaxOptions': return accessor(new SoftmaxOptions())! as SoftmaxOptions;
    case 'ReshapeOptions': return accessor(new ReshapeOptions())! as ReshapeOptions;
    case 'DequantizeOptions': return accessor(new DequantizeOptions())! as DequantizeOptions;
    default: return null;
  }
}

export function unionListToBuiltinOptions(
  type: BuiltinOptions, 
  accessor: (index: number, obj:DequantizeOptions|FullyConnectedOptions|ReshapeOptions|SoftmaxOptions) => DequantizeOptions|FullyConnectedOptions|ReshapeOptions|SoftmaxOptions|null, 
  index: number
): DequantizeOptions|FullyConnectedOptions|ReshapeOptions|SoftmaxOptions|null {
  switch(BuiltinOptions[type]) {
    case 'NONE': return null; 
    case 'FullyConnectedOptions': return accessor(index, new FullyConnectedOptions())! as FullyConnectedOptions;
    case 'SoftmaxOptions': return accessor(index, new SoftmaxOptions())! as SoftmaxOptions;
    case 'ReshapeOptions': return accessor(index, new ReshapeOptions())! as ReshapeOptions;
    case 'DequantizeOptions': return accessor(index, new DequantizeOptions())! as DequantizeOptions;
    default: return null;
  }
}
