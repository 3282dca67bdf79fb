/**
 * The TFLite operators of each Keras layer with weights or a window, their weights moved from Keras' layout to
 * TFLite's: Conv2D → CONV_2D (filter [out, kh, kw, in] = OHWI from Keras' [kh, kw, in, out], bias, SAME/VALID,
 * stride 1), MaxPooling2D / AveragePooling2D → MAX_POOL_2D / AVERAGE_POOL_2D (window, strides, padding), Dense →
 * FULLY_CONNECTED (weights [units, inputs] from Keras' [inputs, units], bias). CONV_2D and FULLY_CONNECTED fuse
 * relu; sigmoid, tanh and softmax follow them as LOGISTIC, TANH and SOFTMAX.
 */
import type { Conv2DLayerSpec, DenseListLayerSpec, LayerSummary, Padding as KerasPadding, PoolingLayerSpec } from '../../api/layer-model';
import type { Activation, DenseWeights } from '../../api/model-spec';
import type { GraphBuilder, OperatorOptions, Value } from './graph-builder';
import { ActivationFunctionType, BuiltinOperator, Padding } from './schema/tflite_generated';
import { OP_VERSION, type ExportedOperator } from './versions';

const PADDING: Record<KerasPadding, Padding> = { same: Padding.SAME, valid: Padding.VALID };

/** [rows, cols] row-major → [cols, rows] row-major. */
function transpose(matrix: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(matrix.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = matrix[r * cols + c];
  return out;
}

/**
 * op on the inputs with the layer's activation: relu fused into the op, sigmoid/tanh/softmax as the next op. The op's
 * output is named after the layer (`<layer>/linear` when an activation op follows it, whose output is `<layer>/<activation>`).
 */
function withActivation(
  g: GraphBuilder,
  op: ExportedOperator,
  inputs: number[],
  layer: { name: string; activation: Activation },
  shape: readonly number[],
  options: (fused: ActivationFunctionType) => OperatorOptions,
  version: number,
): Value {
  const separate = layer.activation === 'relu' ? 'linear' : layer.activation;
  const fused = layer.activation === 'relu' ? ActivationFunctionType.RELU : ActivationFunctionType.NONE;
  const out = g.apply(op, inputs, separate === 'linear' ? layer.name : `${layer.name}/linear`, shape, options(fused), version);
  return g.activate(out, separate, `${layer.name}/${separate}`);
}

export function conv2d(g: GraphBuilder, x: Value, row: LayerSummary, layer: Conv2DLayerSpec, { kernel, bias }: DenseWeights): Value {
  const [kh, kw, inputs, filters] = row.kernelShape!;
  const filter = g.weights(`${layer.name}/filter`, [filters, kh, kw, inputs], transpose(kernel, kh * kw * inputs, filters), 'perChannel');
  const biasIndex = g.floatConstant(`${layer.name}/bias`, [filters], bias);
  return withActivation(
    g,
    BuiltinOperator.CONV_2D,
    [x.index, filter.index, biasIndex],
    layer,
    [1, ...row.outputShape],
    (activation) => ({ kind: 'conv2d', padding: PADDING[layer.padding], stride: [1, 1], activation }),
    filter.int8 ? OP_VERSION.hybridPerChannelConv2D : OP_VERSION.float,
  );
}

export function pooling(g: GraphBuilder, x: Value, row: LayerSummary, layer: PoolingLayerSpec): Value {
  const op = layer.type === 'MaxPooling2D' ? BuiltinOperator.MAX_POOL_2D : BuiltinOperator.AVERAGE_POOL_2D;
  return g.apply(op, [x.index], layer.name, [1, ...row.outputShape], { kind: 'pool2d', padding: PADDING[layer.padding], filter: layer.poolSize, stride: layer.strides });
}

export function dense(g: GraphBuilder, x: Value, row: LayerSummary, layer: DenseListLayerSpec, { kernel, bias }: DenseWeights): Value {
  const [inputs, units] = row.kernelShape!;
  // Per-tensor: per-channel kernels would need FULLY_CONNECTED v12 (TFLite 2.17), which older phone runtimes refuse.
  const weights = g.weights(`${layer.name}/kernel`, [units, inputs], transpose(kernel, inputs, units), 'perTensor');
  const biasIndex = g.floatConstant(`${layer.name}/bias`, [units], bias);
  return withActivation(
    g,
    BuiltinOperator.FULLY_CONNECTED,
    [x.index, weights.index, biasIndex],
    layer,
    [1, units],
    (activation) => ({ kind: 'fullyConnected', activation, asymmetricQuantizeInputs: weights.int8 }),
    weights.int8 ? OP_VERSION.hybridFullyConnected : OP_VERSION.float,
  );
}
