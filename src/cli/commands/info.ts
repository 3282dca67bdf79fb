import { extname } from 'node:path';
import { readModelFile } from '../../core/formats/model-file';
import { layerShapes, parameterCount } from '../../core/model/spec';
import { parseCommand } from '../args';
import { tfliteInfoCommand } from './tflite-info';

export const INFO_USAGE = 'digit-studio info <model.json> [--json]';

export async function infoCommand(argv: string[]): Promise<void> {
  if (argv.some((arg) => arg.toLowerCase().endsWith('.tflite'))) return tfliteInfoCommand(argv);
  const { values, positionals } = parseCommand(argv, { json: { type: 'boolean' } }, ['model']);
  const model = await readModelFile(positionals[0]);
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
    format: extname(positionals[0]).toLowerCase() === '.json' ? 'TF.js layers' : 'unknown',
    input: [null, model.spec.inputSize],
    output: [null, model.spec.layers[model.spec.layers.length - 1].units],
    params: parameterCount(model.spec),
    layers,
    compile: model.compile ?? null,
  };
  if (values.json) {
    console.log(JSON.stringify(summary));
    return;
  }
  console.log(`${summary.model} (${summary.format})`);
  console.log(`Input: [None, ${model.spec.inputSize}]`);
  layers.forEach((l, i) => console.log(`  ${i + 1}. Dense ${l.kernel[0]}→${l.units}, ${l.activation}, ${l.params} params`));
  console.log(`Total params: ${summary.params}`);
  const c = model.compile;
  console.log(c ? `Optimizer: ${c.optimizer} (learning rate ${c.learningRate}${c.momentum !== undefined ? `, momentum ${c.momentum}` : ''}), loss ${c.loss}` : 'Optimizer: not recorded');
}
