import { extname } from 'node:path';
import { loadModelFromH5File, type H5Info } from '../../core/formats/hdf5/read-h5';
import { readModelFile } from '../../core/formats/model-file';
import { layerShapes, parameterCount, type TrainedModel } from '../../core/api/model-spec';
import { parseCommand } from '../args';
import { printJson, printLine } from '../terminal-text';
import { tfliteInfoCommand } from './tflite-info';

export const INFO_USAGE = 'digit-studio info <model.h5|model.json|model.tflite> [--json]';

/** The model plus what its file format records about it. */
async function readDescribed(path: string): Promise<{ format: string; model: TrainedModel; h5?: H5Info }> {
  switch (extname(path).toLowerCase()) {
    case '.h5': {
      const { model, info } = await loadModelFromH5File(path);
      return { format: 'Keras HDF5', model, h5: info };
    }
    case '.json':
      return { format: 'TF.js layers', model: await readModelFile(path) };
    default:
      return { format: 'unknown', model: await readModelFile(path) };
  }
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
  const shapes = layerShapes(model.spec);
  const layers = model.spec.layers.map((layer, i) => ({
    type: 'Dense',
    units: layer.units,
    activation: layer.activation,
    kernel: shapes[i],
    params: shapes[i][0] * shapes[i][1] + shapes[i][1],
  }));
  const summary = {
    event: 'info',
    model: positionals[0],
    format,
    input: [null, model.spec.inputSize],
    output: [null, model.spec.layers[model.spec.layers.length - 1].units],
    params: parameterCount(model.spec),
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
  printLine(`Input: [None, ${model.spec.inputSize}]`);
  layers.forEach((l, i) => printLine(`  ${i + 1}. Dense ${l.kernel[0]}→${l.units}, ${l.activation}, ${l.params} params`));
  printLine(`Total params: ${summary.params}`);
  const c = model.compile;
  if (h5) printLine(optimizerText(h5));
  else printLine(c ? `Optimizer: ${c.optimizer} (learning rate ${c.learningRate}${c.momentum !== undefined ? `, momentum ${c.momentum}` : ''}), loss ${c.loss}` : 'Optimizer: not recorded');
}
