/**
 * The TFLite graph of a model's layer list (Dense stacks and Conv2D networks): static shapes, batch 1, input
 * [1,784], [1,28,28,1] or RGB [1,28,28,3], float32 or uint8, with its preprocessing (graph-input.ts), output
 * [1,10]. Each layer with weights or a window becomes its operators (graph-layers.ts); Reshape, Flatten and a
 * model input shape other than the file's become a RESHAPE in front of the next operator that needs the new shape
 * (Flatten keeps Keras' NHWC order, so Dense weights need no reordering); Dropout, the identity at inference, is
 * left out; BatchNormalization is folded into the layer before it or written as MUL + ADD (graph-batch-norm.ts).
 * A full-integer file is that float32 graph, calibrated on training images and quantized (full-integer.ts).
 */
import { defaultInputType, inputTypeProblem, type InputEncoding, type Quantization } from '../../api/export-options';
import { checkBatchNorm, layerModelOf, summarizeLayers, type LayerModel, type LayerSpec, type LayerSummary } from '../../api/layer-model';
import type { DenseWeights, TrainedModel } from '../../api/model-spec';
import type { DigitSet } from '../../dataset';
import { exportedRows, scaleAndShift } from './graph-batch-norm';
import { calibrate } from './calibrate';
import { fullIntegerGraph } from './full-integer';
import { GraphBuilder, type Graph, type Value } from './graph-builder';
import { inputSteps } from './graph-input';
import { conv2d, dense, pooling } from './graph-layers';

export interface GraphOptions extends InputEncoding {
  quantize: Quantization;
  /** Images whose activation ranges a full-integer file is quantized for (MNIST training images). */
  calibration?: DigitSet;
}

/** The layers the exporter writes. */
const WRITES: ReadonlyArray<LayerSpec['type']> = ['InputLayer', 'Reshape', 'Conv2D', 'MaxPooling2D', 'AveragePooling2D', 'Flatten', 'Dropout', 'Dense', 'Activation', 'BatchNormalization'];
const ACTIVATIONS = ['relu', 'linear', 'sigmoid', 'tanh', 'softmax'];

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** The layer list of a model; a Dense stack's layers keep the tensor names its exports have always had (dense_1 … dense_n). */
export function exportedLayers(model: TrainedModel | LayerModel): LayerModel {
  if (!('spec' in model)) return model;
  const layerModel = layerModelOf(model);
  let dense = 0;
  return { ...layerModel, layers: layerModel.layers.map((layer) => (layer.type === 'Dense' ? { ...layer, name: `dense_${++dense}` } : layer)) };
}

/** Refuses, in one line naming it, a layer or activation the exporter cannot write. Layer n is the n-th after the input. */
function checkWritable(layers: readonly LayerSpec[]): void {
  layers.forEach((layer, i) => {
    if (!WRITES.includes(layer.type)) throw new Error(`layer ${layer.name} is a ${layer.type}, which the TFLite export cannot write (it writes ${WRITES.join(', ')})`);
    if ('activation' in layer && !ACTIVATIONS.includes(layer.activation)) {
      throw new Error(`cannot express layer ${i}'s activation ${JSON.stringify(layer.activation)} in TFLite (supported: ${ACTIVATIONS.join(', ')})`);
    }
  });
}

function checkWeights(summary: readonly LayerSummary[], weights: readonly DenseWeights[]): void {
  const weighted = summary.filter((row) => row.kernelShape);
  if (weights.length !== weighted.length) throw new Error(`the model has ${weighted.length} layers with weights but ${weights.length} weight sets`);
  weighted.forEach(({ layer, kernelShape }, i) => {
    const units = kernelShape![kernelShape!.length - 1];
    if (weights[i].kernel.length !== size(kernelShape!) || weights[i].bias.length !== units) {
      throw new Error(`layer ${layer.name}: expected a ${kernelShape!.join('x')} kernel and ${units} biases`);
    }
  });
}

export function buildGraph(model: TrainedModel | LayerModel, options: GraphOptions): Graph {
  const inputType = options.inputType ?? defaultInputType(options.quantize);
  const problem = inputTypeProblem(options.quantize, inputType);
  if (problem) throw new Error(problem);
  if (options.quantize !== 'int8-full') return buildFloatGraph(model, options);
  if (!options.calibration) throw new Error('a full-integer int8 file needs calibration images (MNIST training images)');
  const float = buildFloatGraph(model, { ...options, quantize: 'none', inputType: 'float32' });
  return fullIntegerGraph(float, calibrate(float, options.calibration, { invert: options.invert }), inputType);
}

function buildFloatGraph(model: TrainedModel | LayerModel, options: GraphOptions): Graph {
  const { layers, weights, batchNorm = [] } = exportedLayers(model);
  checkWritable(layers);
  const summary = summarizeLayers(layers);
  checkWeights(summary, weights);
  checkBatchNorm(summary, batchNorm);
  const g = new GraphBuilder(options.quantize);
  const { input, x: pixels } = inputSteps(g, options);
  let x: Value = pixels;
  /** The layer that set the shape the next operator reads, which names the RESHAPE to it if one is needed. */
  let shapedBy = layers[0].name;
  for (const { row, weights: kernelAndBias, affine } of exportedRows(summary, weights, batchNorm)) {
    const { layer } = row;
    const at = (): Value => g.reshape(x, [1, ...row.inputShape], shapedBy);
    switch (layer.type) {
      case 'InputLayer':
      case 'Reshape':
      case 'Flatten':
        shapedBy = layer.name;
        break;
      case 'Dropout':
        break;
      case 'Conv2D':
        x = conv2d(g, at(), row, layer, kernelAndBias!);
        break;
      case 'MaxPooling2D':
      case 'AveragePooling2D':
        x = pooling(g, at(), row, layer);
        break;
      case 'Dense':
        x = dense(g, at(), row, layer, kernelAndBias!);
        break;
      case 'Activation':
        x = g.activate(at(), layer.activation, layer.name);
        break;
      case 'BatchNormalization':
        x = scaleAndShift(g, at(), affine!, layer.name);
        break;
    }
  }
  const output = g.reshape(x, [1, ...summary[summary.length - 1].outputShape], shapedBy);
  return { tensors: g.tensors, operators: g.operators, input, output: output.index };
}
