/**
 * What a file says is the file author's, not Digit Studio's: terminal escape sequences in a model's strings are
 * never echoed to the terminal, the compile metadata of an imported model.json is validated before it can break
 * the model's .h5 downloads, and MNIST-format data of another image size is refused instead of evaluated to NaN.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../src/core/api/base64';
import type { ModelEntry } from '../../src/core/api/contract';
import { idxImagesBytes, idxLabelsBytes, loadMnist } from '../../src/core/dataset';
import { loadH5wasm } from '../../src/core/formats/hdf5/h5wasm-runtime';
import { saveModelToH5Bytes } from '../../src/core/formats/hdf5/write-h5';
import { openModelFile } from '../../src/core/formats/model-file';
import { buildGraph } from '../../src/core/formats/tflite/graph';
import { serializeGraph } from '../../src/core/formats/tflite/serialize';
import { AppService } from '../../src/core/service/app-service';
import { expectOneLineFailure, runCliWithin } from '../helpers/hostile-files';
import { jsonLines } from '../helpers/run-cli';
import { BUNDLED_SOURCES } from '../helpers/bundled-models';

const BUNDLED = fileURLToPath(new URL('../../resources/models', import.meta.url));
const GOOD_MODEL = join(BUNDLED, 'digit-mlp.json');
const GOOD_JSON = JSON.parse(readFileSync(GOOD_MODEL, 'utf8')) as Record<string, unknown> & { userDefinedMetadata: { compile: Record<string, unknown> } };
const GOOD_WEIGHTS = readFileSync(join(BUNDLED, 'digit-mlp.weights.bin'));
const root = mkdtempSync(join(tmpdir(), 'digit-studio-content-'));

/** Clears the screen, sets the window title, hides text, uses the one-byte C1 CSI, and reverses text with RLO. */
const HOSTILE = '\u001b[2J\u001b]0;owned\u0007\u001b[8mhidden\u009b31m\u202eevil\r\nnext';
const UNSAFE_OUTPUT = /[\p{Cc}\p{Bidi_Control}]/u;

/** Output lines holding nothing a terminal would act on. */
function expectTerminalSafe(output: string): void {
  for (const line of output.split('\n')) expect(line, JSON.stringify(line)).not.toMatch(UNSAFE_OUTPUT);
}

/** The bundled model as .tflite, with HOSTILE as its description and in its tensor names. */
async function hostileTflite(): Promise<string> {
  const graph = buildGraph(await openModelFile(GOOD_MODEL), { quantize: 'none', inputShape: '784' });
  graph.tensors.forEach((tensor) => (tensor.name = `${HOSTILE}${tensor.name}`));
  const path = join(root, 'hostile.tflite');
  writeFileSync(path, serializeGraph(graph, HOSTILE));
  return path;
}

/** The bundled model as .h5, with HOSTILE as the Keras version, backend and writer it claims. */
async function hostileH5(): Promise<string> {
  const h5 = await loadH5wasm();
  const memoryPath = '/hostile.h5';
  h5.fs.writeFile(memoryPath, await saveModelToH5Bytes(await openModelFile(GOOD_MODEL)));
  const file = new h5.lib.File(memoryPath, 'a');
  for (const name of ['keras_version', 'backend', 'generated_by']) {
    file.delete_attribute(name);
    file.create_attribute(name, HOSTILE);
  }
  file.close();
  const path = join(root, 'hostile.h5');
  writeFileSync(path, h5.fs.readFile(memoryPath));
  h5.fs.unlink(memoryPath);
  return path;
}

function writeModelJson(name: string, change: (json: Record<string, unknown>) => void): string {
  const json = structuredClone(GOOD_JSON);
  change(json);
  const path = join(root, name);
  writeFileSync(path, JSON.stringify(json));
  return path;
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('info strips control characters from everything it echoes from a file', () => {
  it('a .tflite whose description and tensor names carry escape sequences', async () => {
    const path = await hostileTflite();
    const text = await runCliWithin(['info', path]);
    expect(text.code).toBe(0);
    expectTerminalSafe(text.stdout);
    expect(text.stdout).toContain('Description: [2J]0;owned[8mhidden31mevil next\n');
    const json = await runCliWithin(['info', path, '--json']);
    expectTerminalSafe(json.stdout);
    // The JSON keeps the exact strings, written as \u escapes a terminal does not act on.
    expect(jsonLines(json.stdout)[0].description).toBe(HOSTILE);
  });

  it('a .h5 whose Keras version, backend and writer carry escape sequences', async () => {
    const path = await hostileH5();
    const text = await runCliWithin(['info', path]);
    expect(text.code).toBe(0);
    expectTerminalSafe(text.stdout);
    expect(text.stdout).toMatch(/^Written by: \[2J\]0;owned\[8mhidden31mevil next/m);
    const json = await runCliWithin(['info', path, '--json']);
    expectTerminalSafe(json.stdout);
    expect(jsonLines(json.stdout)[0].keras).toEqual({ version: HOSTILE, backend: HOSTILE, generated_by: HOSTILE });
  });

  it('an error quoting a layer name with escape sequences is one clean line', async () => {
    const path = writeModelJson('hostile-layer.json', (json) => {
      const layers = (json.modelTopology as { model_config: { config: { layers: Array<Record<string, unknown>> } } }).model_config.config.layers;
      layers.splice(1, 0, { class_name: 'Conv2D', config: { name: HOSTILE, filters: 8 } });
    });
    const result = await runCliWithin(['info', path]);
    expectOneLineFailure(result, path, /layer \[2J\]0;owned\[8mhidden31mevil next is a Conv2D/);
    expectTerminalSafe(result.stderr);
  });
});

describe('compile metadata of an imported model.json is validated', () => {
  const BAD_COMPILE: Array<[string, unknown, RegExp]> = [
    ['a non-ASCII optimizer', { optimizer: 'ädam', learningRate: 0.001, loss: 'categorical_crossentropy' }, /userDefinedMetadata\.compile\.optimizer: /],
    ['a non-ASCII loss', { optimizer: 'adam', learningRate: 0.001, loss: 'categorical_crossentropy\u00e9' }, /userDefinedMetadata\.compile\.loss: /],
    ['a learning rate as text', { optimizer: 'sgd', learningRate: '0.01', loss: 'categorical_crossentropy' }, /userDefinedMetadata\.compile\.learningRate: /],
    ['a negative learning rate', { optimizer: 'sgd', learningRate: -1, loss: 'categorical_crossentropy' }, /userDefinedMetadata\.compile\.learningRate: /],
    ['a momentum of 5', { optimizer: 'momentum', learningRate: 0.01, momentum: 5, loss: 'categorical_crossentropy' }, /userDefinedMetadata\.compile\.momentum: /],
    ['no loss', { optimizer: 'adam', learningRate: 0.001 }, /userDefinedMetadata\.compile\.loss: /],
    ['a string', 'adam', /userDefinedMetadata\.compile: /],
  ];

  function newService(): AppService {
    const userDir = join(mkdtempSync(join(root, 'service-')), 'user');
    mkdirSync(userDir);
    return new AppService({ version: 'test', shell: 'web', userDir, bundledModelsDir: BUNDLED });
  }

  const upload = (json: Record<string, unknown>) => ({ fileName: 'model.json', data: bytesToBase64(Buffer.from(JSON.stringify(json))), weightsData: bytesToBase64(GOOD_WEIGHTS) });

  it.each(BAD_COMPILE)('refuses %s with one line naming the field, and the library stays as it was', async (_, compile, problem) => {
    const service = newService();
    const json = { ...structuredClone(GOOD_JSON), userDefinedMetadata: { compile } };
    const error = await service.call('importModel', upload(json)).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(problem);
    expect((error as Error).message).not.toContain('\n');
    expect(((await service.call('listModels', {})) as ModelEntry[]).map((m) => m.source)).toEqual(BUNDLED_SOURCES);
  });

  it('the CLI refuses such a model.json too', async () => {
    const path = writeModelJson('bad-compile.json', (json) => (json.userDefinedMetadata = { compile: BAD_COMPILE[0][1] }));
    expectOneLineFailure(await runCliWithin(['info', path]), path, /userDefinedMetadata\.compile\.optimizer/);
  });

  it("imports valid compile settings (dropping keys it does not know) and every .h5 download carries them", async () => {
    const service = newService();
    const compile = { optimizer: 'momentum', learningRate: 0.05, momentum: 0.5, loss: 'categorical_crossentropy', note: 'ünknown key' };
    const entry = (await service.call('importModel', upload({ ...structuredClone(GOOD_JSON), userDefinedMetadata: { compile, other: 'another tool’s metadata' } }))) as ModelEntry;
    const { model } = await service.store.get(entry.id);
    expect(model.compile).toEqual({ optimizer: 'momentum', learningRate: 0.05, momentum: 0.5, loss: 'categorical_crossentropy' });
    const download = (await service.call('downloadModel', { id: entry.id, format: 'h5' })) as { data: string };
    const h5 = Buffer.from(base64ToBytes(download.data)).toString('latin1');
    expect(h5).toContain('"optimizer_config": {"class_name": "SGD"');
    expect(h5).not.toContain('nknown key');
  });
});

describe('evaluate --data-dir with images that are not 28x28', () => {
  /** MNIST's four file names holding `rows`x`cols` images (a few, all labelled 3). */
  function dataDir(name: string, sizes: Record<'train' | 't10k', [number, number]>): string {
    const dir = join(root, name);
    mkdirSync(dir);
    for (const [set, [rows, cols]] of Object.entries(sizes)) {
      writeFileSync(join(dir, `${set}-images-idx3-ubyte`), idxImagesBytes(new Uint8Array(20 * rows * cols).fill(128), 20, rows, cols));
      writeFileSync(join(dir, `${set}-labels-idx1-ubyte`), idxLabelsBytes(new Uint8Array(20).fill(3)));
    }
    return dir;
  }

  it('is refused with one line and exit code 1, not reported as an accuracy with loss NaN', async () => {
    const dir = dataDir('data-20x20', { train: [20, 20], t10k: [20, 20] });
    const result = await runCliWithin(['evaluate', GOOD_MODEL, '--data-dir', dir, '--json']);
    expectOneLineFailure(result, dir, /the training images are 20x20; Digit Studio's models take 28x28 images/);
  });

  it('refuses test images of 784 pixels in another shape (14x56), and training on them', async () => {
    const dir = dataDir('data-14x56', { train: [28, 28], t10k: [14, 56] });
    expectOneLineFailure(await runCliWithin(['evaluate', GOOD_MODEL, '--data-dir', dir]), dir, /the test images are 14x56/);
    expectOneLineFailure(await runCliWithin(['train', '--data-dir', dir, '--epochs', '1', '--backend', 'cpu']), dir, /the test images are 14x56/);
    await expect(loadMnist(dir)).rejects.toThrow(/the test images are 14x56; Digit Studio's models take 28x28 images/);
  });
});
