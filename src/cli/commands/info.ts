import { extname } from 'node:path';
import { summarizeLayers, totalParams, type LayerModel, type LayerSpec } from '../../core/api/layer-model';
import { openModelFromH5File, type H5Info } from '../../core/formats/hdf5/read-h5';
import { openModelFile } from '../../core/formats/model-file';
import { parseCommand } from '../args';
import { printJson, printLine } from '../terminal-text';
import { tfliteInfoCommand } from './tflite-info';

export const INFO_USAGE = 'digit-studio info <model.h5|model.json|model.tflite> [--json]';

/** The model plus what its file format records about it. */
async function readDescribed(path: string): Promise<{ format: string; model: LayerModel; h5?: H5Info }> {
  switch (extname(path).toLowerCase()) {
    case '.h5': {
      const { model, info } = await openModelFromH5File(path);
      return { format: 'Keras HDF5', model, h5: info };
    }
    case '.json':
      return { format: 'TF.js layers', model: await openModelFile(path) };
    default:
      return { format: 'unknown', model: await openModelFile(path) };
  }
}

/** A layer's settings as Keras' config names them (units, filters, kernel_size, ...). */
function layerSettings(layer: LayerSpec): Record<string, unknown> {
  switch (layer.type) {
    case 'Conv2D':
      return { filters: layer.filters, kernel_size: layer.kernelSize, padding: layer.padding, activation: layer.activation };
    case 'MaxPooling2D':
    case 'AveragePooling2D':
      return { pool_size: layer.poolSize, strides: layer.strides, padding: layer.padding };
    case 'Dense':
      return { units: layer.units, activation: layer.activation };
    case 'Activation':
      return { activation: layer.activation };
    case 'Dropout':
      return { rate: layer.rate };
    case 'Reshape':
      return { target_shape: layer.targetShape };
    default:
      return {};
  }
}

/** (None, 13, 13, 16), as model.summary() writes a shape. */
function shapeText(shape: readonly number[]): string {
  return `(None, ${shape.join(', ')})`;
}

function settingsText(settings: Record<string, unknown>): string {
  return Object.entries(settings)
    .map(([key, value]) => (key === 'activation' || key === 'padding' ? String(value) : `${key} ${Array.isArray(value) ? value.join('x') : String(value)}`))
    .join(', ');
}

/** "Keras 3.15.1, backend numpy", or for our own files "Digit Studio (Keras 2.15.0 layout, backend tensorflow)". */
function writerText(info: H5Info): string {
  const version = info.kerasVersion ? `${/^\d/.test(info.kerasVersion) ? 'Keras ' : ''}${info.kerasVersion}` : 'unknown Keras version';
  const backend = info.backend ? `, backend ${info.backend}` : '';
  return info.generatedBy ? `${info.generatedBy} (${version} layout${backend})` : `${version}${backend}`;
}

function optimizerText(info: H5Info): string {
  const o = info.optimizer;
  if (!o) return 'Optimizer: not recorded';
  const settings = [`learning rate ${o.learningRate ?? 'schedule'}`, ...(o.momentum !== undefined ? [`momentum ${o.momentum}`] : []), ...(o.nesterov ? ['nesterov'] : [])];
  return `Optimizer: ${o.className} (${settings.join(', ')})${info.loss ? `, loss ${info.loss}` : ''}`;
}

function optimizerJson({ optimizer: o }: H5Info): Record<string, unknown> | null {
  return o && { class_name: o.className, learning_rate: o.learningRate, momentum: o.momentum ?? null, nesterov: o.nesterov ?? null };
}

export async function infoCommand(argv: string[]): Promise<void> {
  if (argv.some((arg) => arg.toLowerCase().endsWith('.tflite'))) return tfliteInfoCommand(argv);
  const { values, positionals } = parseCommand(argv, { json: { type: 'boolean' } }, ['model']);
  const { format, model, h5 } = await readDescribed(positionals[0]);
  const rows = summarizeLayers(model.layers);
  // model.summary() lists the layers after the input, each with its output shape and parameter count.
  const layers = rows.slice(1).map(({ layer, outputShape, kernelShape, params }) => ({
    name: layer.name,
    type: layer.type,
    ...layerSettings(layer),
    output_shape: [null, ...outputShape],
    kernel: kernelShape,
    params,
  }));
  const summary = {
    event: 'info',
    model: positionals[0],
    format,
    input: [null, ...rows[0].outputShape],
    output: [null, ...rows[rows.length - 1].outputShape],
    params: totalParams(rows),
    layers,
    compile: model.compile ?? null,
    ...(h5 ? { keras: { version: h5.kerasVersion, backend: h5.backend, generated_by: h5.generatedBy }, optimizer: optimizerJson(h5), loss: h5.loss } : {}),
  };
  if (values.json) {
    printJson(summary);
    return;
  }
  printLine(`${summary.model} (${summary.format})`);
  if (h5) printLine(`Written by: ${writerText(h5)}`);
  printLine(`Input: ${shapeText(rows[0].outputShape)}`);
  rows.slice(1).forEach(({ layer, outputShape, params }, i) => {
    const settings = settingsText(layerSettings(layer));
    printLine(`  ${i + 1}. ${layer.name} (${layer.type}${settings ? `: ${settings}` : ''}) → ${shapeText(outputShape)}, ${params.toLocaleString('en-US')} params`);
  });
  printLine(`Total params: ${summary.params.toLocaleString('en-US')}`);
  const c = model.compile;
  if (h5) printLine(optimizerText(h5));
  else printLine(c ? `Optimizer: ${c.optimizer} (learning rate ${c.learningRate}${c.momentum !== undefined ? `, momentum ${c.momentum}` : ''}), loss ${c.loss}` : 'Optimizer: not recorded');
}
