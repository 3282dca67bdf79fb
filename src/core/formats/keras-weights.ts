/**
 * Each layer's weights as Keras stores them (an .h5's /model_weights, a model.json's weights manifest), in the order
 * Keras' loaders assign them: a Conv2D or Dense layer's kernel, then its bias (none with use_bias=False); a
 * BatchNormalization layer's gamma (with scale), beta (with center), moving_mean and moving_variance. Both ways:
 * the variables the writers store for a LayerModel, and the LayerModel weights of the variables a reader found.
 */
import { batchNormVariables, checkBatchNorm, type BatchNormWeights, type LayerModel, type LayerSummary } from '../api/layer-model';
import type { DenseWeights } from '../api/model-spec';

export type VariableName = 'kernel' | 'bias' | 'gamma' | 'beta' | 'moving_mean' | 'moving_variance';

/** One weight of a layer as Keras names it, with its shape: kernel [kh, kw, in, out] or [inputs, units], the others [units]. */
export interface VariableShape {
  name: VariableName;
  shape: number[];
}

export interface KerasVariable extends VariableShape {
  data: Float32Array;
}

export interface KerasLayerWeights {
  layer: string;
  /** Empty for a layer without weights. */
  variables: KerasVariable[];
}

const KERAS_NAME: Record<keyof BatchNormWeights, VariableName> = { gamma: 'gamma', beta: 'beta', movingMean: 'moving_mean', movingVariance: 'moving_variance' };

const hasBias = ({ layer }: LayerSummary): boolean => !('useBias' in layer && layer.useBias === false);

/** The variables Keras keeps for the layer of `row`, in its order; none for a layer without weights. */
export function variableShapes(row: LayerSummary): VariableShape[] {
  const { layer, outputShape, kernelShape } = row;
  if (layer.type === 'BatchNormalization') return batchNormVariables(layer).map((key) => ({ name: KERAS_NAME[key], shape: outputShape.slice(-1) }));
  if (!kernelShape) return [];
  return [{ name: 'kernel', shape: kernelShape }, ...(hasBias(row) ? [{ name: 'bias' as const, shape: kernelShape.slice(-1) }] : [])];
}

/** Each layer after the InputLayer with the variables a writer stores, checked against the shapes its config implies. */
export function kerasVariables(rows: readonly LayerSummary[], { weights, batchNorm }: LayerModel): KerasLayerWeights[] {
  const weighted = rows.filter((row) => row.kernelShape !== null);
  if (weights.length !== weighted.length) {
    throw new Error(`the model has ${weighted.length} layers with weights (${weighted.map((row) => row.layer.name).join(', ')}) but ${weights.length} weight sets`);
  }
  checkBatchNorm(rows, batchNorm);
  let dense = 0;
  let norm = 0;
  return rows.slice(1).map((row): KerasLayerWeights => {
    const shapes = variableShapes(row);
    if (row.layer.type === 'BatchNormalization') {
      const values = batchNorm![norm++];
      return { layer: row.layer.name, variables: batchNormVariables(row.layer).map((key, i) => ({ ...shapes[i], data: values[key] })) };
    }
    if (!row.kernelShape) return { layer: row.layer.name, variables: [] };
    const { kernel, bias } = weights[dense++];
    const units = row.kernelShape[row.kernelShape.length - 1];
    if (kernel.length !== row.kernelShape.reduce((a, b) => a * b, 1) || bias.length !== units) {
      throw new Error(`layer ${row.layer.name}: expected kernel ${row.kernelShape.join('x')} and bias ${units}, got ${kernel.length} and ${bias.length} values`);
    }
    return { layer: row.layer.name, variables: [kernel, bias].slice(0, shapes.length).map((data, i) => ({ ...shapes[i], data })) };
  });
}

/**
 * The LayerModel weights of what a reader found: per layer with variables (in `rows` order), its arrays in
 * variableShapes order, already checked against those shapes. A layer without bias gets zeros; a BatchNormalization
 * without scale gets gamma ones, without center beta zeros.
 */
export function weightsOfVariables(rows: readonly LayerSummary[], arrays: ReadonlyArray<readonly Float32Array[]>): Pick<LayerModel, 'weights' | 'batchNorm'> {
  const weights: DenseWeights[] = [];
  const batchNorm: BatchNormWeights[] = [];
  rows.filter((row) => variableShapes(row).length > 0).forEach((row, i) => {
    const found = arrays[i];
    const { layer } = row;
    const units = row.outputShape[row.outputShape.length - 1];
    if (layer.type !== 'BatchNormalization') {
      weights.push({ kernel: found[0], bias: found[1] ?? new Float32Array(units) });
      return;
    }
    const keys = batchNormVariables(layer);
    const value = (key: keyof BatchNormWeights): Float32Array | undefined => found[keys.indexOf(key)];
    batchNorm.push({
      gamma: value('gamma') ?? new Float32Array(units).fill(1),
      beta: value('beta') ?? new Float32Array(units),
      movingMean: value('movingMean')!,
      movingVariance: value('movingVariance')!,
    });
  });
  return { weights, ...(batchNorm.length > 0 ? { batchNorm } : {}) };
}
