/**
 * The TFLite Model Metadata and the labels zip in every exported .tflite, read by independent readers: Debian's flatc
 * with the official metadata_schema.fbs from ../shared/verify/metadata (not the app's copy) for the metadata, and
 * Python's zipfile for the appended zip. Expectations come from tflite-support's rules for image classifiers
 * (../shared/verify/metadata/README.md): identifier M001, the TFLITE_METADATA entry, RGB + NormalizationOptions
 * mean 0 / std 255 for float32 pixels/255, a named output with labels.txt as TENSOR_AXIS_LABELS, min_parser_version 1.0.0.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputEncoding } from '../../../src/core/api/export-options';
import { mlpSpec, type TrainedModel } from '../../../src/core/api/model-spec';
import { tfliteBytes } from '../../../src/core/formats/tflite/export';
import { flatcDump } from '../../helpers/flatc-dump';
import { VERIFY_DIR } from '../../helpers/verify-kit';

const METADATA_SCHEMA = `${VERIFY_DIR}metadata/metadata_schema.fbs`;
const dir = mkdtempSync(join(tmpdir(), 'digit-studio-tflite-metadata-'));

/** 784 → 16 relu → 10 softmax, weights all 0.01 (the metadata does not depend on them). */
function smallModel(): TrainedModel {
  const spec = mlpSpec([16]);
  const weights = [
    { kernel: new Float32Array(784 * 16).fill(0.01), bias: new Float32Array(16) },
    { kernel: new Float32Array(160).fill(0.01), bias: new Float32Array(10) },
  ];
  return { spec, weights, compile: { optimizer: 'adam', learningRate: 0.001, loss: 'categorical_crossentropy' } };
}

interface TensorMd {
  name: string;
  description: string;
  content: { content_properties_type: string; content_properties: { color_space?: string } };
  process_units?: Array<{ options_type: string; options: { mean: number[]; std: number[] } }>;
  stats: { min: number[]; max: number[] };
  associated_files?: Array<{ name: string; type: string }>;
}
interface ModelMd {
  name: string;
  description: string;
  version: string;
  author: string;
  license: string;
  min_parser_version: string;
  subgraph_metadata: Array<{ input_tensor_metadata: TensorMd[]; output_tensor_metadata: TensorMd[] }>;
}

/** The file's TFLITE_METADATA buffer: its identifier and flatc's JSON of it. */
function metadataOf(bytes: Uint8Array, name: string): { identifier: string; md: ModelMd } {
  const model = flatcDump(bytes, name);
  const entry = model.metadata!.find((m) => m.name === 'TFLITE_METADATA')!;
  const data = Buffer.from(model.buffers[entry.buffer].data!);
  const file = join(dir, `${name}.bin`);
  writeFileSync(file, data);
  const result = spawnSync('flatc', ['--json', '--strict-json', '--raw-binary', '--no-warnings', '-o', dir, METADATA_SCHEMA, '--', file], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return { identifier: data.subarray(4, 8).toString('latin1'), md: JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as ModelMd };
}

/** Python zipfile's view of the zip at the end of the file: entries (name, method, size), testzip's verdict and each entry's text. */
function zipOf(bytes: Uint8Array, name: string): { entries: Array<[string, number, number]>; bad: string | null; texts: Record<string, string> } {
  const file = join(dir, `${name}.tflite`);
  writeFileSync(file, bytes);
  const script = `import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(json.dumps({"entries": [[i.filename, i.compress_type, i.file_size] for i in z.infolist()], "bad": z.testzip(), "texts": {n: z.read(n).decode() for n in z.namelist()}}))`;
  const result = spawnSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ReturnType<typeof zipOf>;
}

describe('TFLite Model Metadata in the exported file', () => {
  const model = smallModel();

  it.each<[string, InputEncoding, string | null, boolean]>([
    ['28x28x3 float32', { inputShape: '28x28x3' }, 'RGB', true],
    ['28x28x3 uint8', { inputShape: '28x28x3', inputType: 'uint8' }, 'RGB', false],
    ['28x28 float32', { inputShape: '28x28' }, 'GRAYSCALE', true],
    ['784 float32', { inputShape: '784' }, null, true],
  ])('%s: M001 metadata with the input described as the consumers read it and the labels file on the output', (label, input, colorSpace, normalized) => {
    const { identifier, md } = metadataOf(tfliteBytes(model, { quantize: 'none', labels: 'digits', ...input }), label.replace(/ /g, '-'));
    expect(identifier).toBe('M001');
    expect(md).toMatchObject({ author: 'Digit Studio', min_parser_version: '1.0.0', license: 'MIT' });
    expect(md.name.length * md.version.length).toBeGreaterThan(0);
    expect(md.description).toContain('784 → Dense 16 relu → Dense 10 softmax');
    expect(md.description).toContain('adam (learning rate 0.001)');
    expect(md.subgraph_metadata).toHaveLength(1);
    const [{ input_tensor_metadata: inputs, output_tensor_metadata: outputs }] = md.subgraph_metadata;
    expect(inputs).toHaveLength(1);
    expect(outputs).toHaveLength(1);
    const [image] = inputs;
    if (colorSpace) expect(image.content).toEqual({ content_properties_type: 'ImageProperties', content_properties: { color_space: colorSpace } });
    else expect(image.content.content_properties_type).toBe('FeatureProperties');
    // pixels/255: (pixel − 0) / 255 maps 0..255 to 0..1; uint8 takes the raw pixels
    expect(image.process_units ?? []).toEqual(normalized ? [{ options_type: 'NormalizationOptions', options: { mean: [0], std: [255] } }] : []);
    expect(image.stats).toEqual(normalized ? { min: [0], max: [1] } : { min: [0], max: [255] });
    expect(outputs[0]).toMatchObject({ name: 'probability', content: { content_properties_type: 'FeatureProperties' }, associated_files: [{ name: 'labels.txt', type: 'TENSOR_AXIS_LABELS' }] });
  });

  it('says the input is inverted in the graph, and gives the MNIST accuracy when it is known', () => {
    const { md } = metadataOf(tfliteBytes(model, { quantize: 'none', inputShape: '28x28x3', invert: true, about: { name: 'My digits', testAccuracy: 0.9876 } }), 'inverted');
    expect(md.name).toBe('My digits');
    expect(md.description).toContain('dark digit on a light background');
    expect(md.description).toContain('MNIST test accuracy 98.76 %');
    expect(md.subgraph_metadata[0].input_tensor_metadata[0].description).toContain('inverted');
  });
});

describe('the labels zip appended to the file', () => {
  it.each(['words', 'digits'] as const)('%s: Python zipfile finds labels.txt stored (method 0), its CRC-32 right, one label per class', (labels) => {
    const zip = zipOf(tfliteBytes(smallModel(), { quantize: 'none', inputShape: '28x28x3', labels }), `zip-${labels}`);
    const text = labels === 'words' ? 'Zero\nOne\nTwo\nThree\nFour\nFive\nSix\nSeven\nEight\nNine\n' : '0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n';
    expect(zip).toEqual({ entries: [['labels.txt', 0, text.length]], bad: null, texts: { 'labels.txt': text } });
  });
});
