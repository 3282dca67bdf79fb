/**
 * BatchNormalization in the TFLite graph. Right after a Conv2D or Dense layer whose activation is linear (Keras'
 * usual Conv2D(use_bias=False) → BatchNormalization → Activation('relu')) it is folded into that layer's weights, as
 * TensorFlow's converter does: kernel * s per output channel and bias * s + shift, where s = gamma /
 * sqrt(moving_variance + epsilon) and shift = beta - moving_mean * s. Anywhere else it becomes MUL and ADD with
 * per-channel constants, broadcast over the other axes.
 */
import type { BatchNormWeights, LayerSummary } from '../../api/layer-model';
import type { DenseWeights } from '../../api/model-spec';
import { batchNormAffine, type ChannelAffine } from '../../inference/batch-norm';
import type { GraphBuilder, Value } from './graph-builder';
import { BuiltinOperator } from './schema/tflite_generated';

/** A layer to write: a Conv2D or Dense layer with its (maybe folded) weights, a BatchNormalization left standing with its scale and shift. */
export interface ExportedRow {
  row: LayerSummary;
  weights?: DenseWeights;
  affine?: ChannelAffine;
}

function fold({ kernel, bias }: DenseWeights, { scale, shift }: ChannelAffine): DenseWeights {
  const units = scale.length; // the last axis of a Keras kernel is the output channel
  return { kernel: kernel.map((w, i) => w * scale[i % units]), bias: bias.map((b, c) => b * scale[c] + shift[c]) };
}

/** The layers to write, each Conv2D and Dense with its weights, the BatchNormalization layers that fold left out. */
export function exportedRows(summary: readonly LayerSummary[], weights: readonly DenseWeights[], batchNorm: readonly BatchNormWeights[]): ExportedRow[] {
  const rows: ExportedRow[] = [];
  let dense = 0;
  let normalized = 0;
  for (const row of summary) {
    const { layer } = row;
    if (layer.type !== 'BatchNormalization') {
      rows.push(layer.type === 'Conv2D' || layer.type === 'Dense' ? { row, weights: weights[dense++] } : { row });
      continue;
    }
    const affine = batchNormAffine(batchNorm[normalized++], layer.epsilon);
    const previous = rows[rows.length - 1];
    const linear = 'activation' in previous.row.layer && previous.row.layer.activation === 'linear';
    if (previous.weights && linear) previous.weights = fold(previous.weights, affine);
    else rows.push({ row, affine });
  }
  return rows;
}

/** x * scale + shift per channel (the last axis): MUL, then ADD named after the layer. */
export function scaleAndShift(g: GraphBuilder, x: Value, { scale, shift }: ChannelAffine, name: string): Value {
  const channels = [scale.length];
  const scaled = g.apply(BuiltinOperator.MUL, [x.index, g.floatConstant(`${name}/scale`, channels, scale)], `${name}/mul`, x.shape, { kind: 'none' });
  return g.apply(BuiltinOperator.ADD, [scaled.index, g.floatConstant(`${name}/shift`, channels, shift)], name, x.shape, { kind: 'none' });
}
