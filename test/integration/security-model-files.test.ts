/**
 * A TF.js model.json names its weights files, so a hostile one can try to make Digit Studio read any file on the
 * machine: by relative or absolute paths, URL-encoded ones, a symbolic link out of its folder, a second manifest
 * group, a FIFO or /dev/zero, or a weights file larger than it declares. Each attempt is made through the model
 * reader, every CLI command that opens a model, and the import API, with a secret file outside the model's folder:
 * its content and size (and /etc/passwd's) must never appear in an error, an output or a saved model.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../src/core/api/base64';
import type { ModelEntry } from '../../src/core/api/contract';
import { denseStackOf } from '../../src/core/api/layer-model';
import { ModelFileError } from '../../src/core/formats/model-error';
import { openModelFile } from '../../src/core/formats/model-file';
import { AppService } from '../../src/core/service/app-service';
import { expectNoLeak, expectOneLineFailure, mkfifo, runCliWithin, writeSecret } from '../helpers/hostile-files';

const BUNDLED = fileURLToPath(new URL('../../resources/models', import.meta.url));
const GOOD_JSON = readFileSync(join(BUNDLED, 'digit-mlp.json'), 'utf8');
const GOOD_WEIGHTS = readFileSync(join(BUNDLED, 'digit-mlp.weights.bin'));
const GOOD_SPECS = (JSON.parse(GOOD_JSON) as { weightsManifest: Array<{ weights: unknown[] }> }).weightsManifest[0].weights;

const root = mkdtempSync(join(tmpdir(), 'digit-studio-hostile-'));
mkdirSync(join(root, 'outside'));
const secret = writeSecret(join(root, 'outside'));
/** The secret as float32 weights: what a manifest declares to have it read as a model's weights. */
const LEAK_SPEC = { name: 'leak', shape: [secret.size / 4], dtype: 'float32' };

interface Attack {
  name: string;
  manifest: unknown[];
  /** Prepares the model's folder (links, FIFOs) before the model is opened. */
  prepare?: (dir: string) => void;
  /** What the one-line error must say: the offending name and the rule it breaks. */
  problem: RegExp;
}

const group = (paths: unknown[], weights: unknown[] = GOOD_SPECS) => ({ paths, weights });

const ATTACKS: Attack[] = [
  { name: 'relative', manifest: [group(['../../outside/secret.bin'])], problem: /"\.\.\/\.\.\/outside\/secret\.bin" is refused: it is a path/ },
  { name: 'deep-relative', manifest: [group(['../../../../../../../../../../etc/passwd'])], problem: /"\.\.\/\.\.\/\.\.\/.*etc\/passwd" is refused/ },
  { name: 'dot-slash-relative', manifest: [group(['./../../outside/secret.bin'])], problem: /"\.\/\.\.\/\.\.\/outside\/secret\.bin" is refused/ },
  { name: 'absolute', manifest: [group([secret.path])], problem: /secret\.bin" is refused: it is a path/ },
  { name: 'absolute-passwd', manifest: [group(['/etc/passwd'])], problem: /"\/etc\/passwd" is refused/ },
  { name: 'dev-zero', manifest: [group(['/dev/zero'])], problem: /"\/dev\/zero" is refused/ },
  { name: 'encoded', manifest: [group(['%2e%2e%2f%2e%2e%2foutside%2fsecret.bin'])], problem: /"%2e%2e%2f.*" is refused: it has a URL-encoded escape/ },
  { name: 'encoded-upper', manifest: [group(['..%2F..%2Foutside%2Fsecret.bin'])], problem: /"\.\.%2F.*" is refused/ },
  { name: 'double-encoded', manifest: [group(['%252e%252e%252fsecret.bin'])], problem: /"%252e.*" is refused: it has a URL-encoded escape/ },
  { name: 'backslashes', manifest: [group(['..\\..\\outside\\secret.bin'])], problem: /"\.\.\\\\\.\.\\\\outside.*" is refused: it is a path/ },
  { name: 'file-url', manifest: [group(['file:///etc/passwd'])], problem: /"file:\/\/\/etc\/passwd" is refused/ },
  { name: 'drive', manifest: [group(['C:secret.bin'])], problem: /"C:secret\.bin" is refused: it is a URL or a drive path/ },
  { name: 'nul-byte', manifest: [group(['digit-mlp.weights.bin\u0000../../outside/secret.bin'])], problem: /"digit-mlp\.weights\.bin\\u0000.*" is refused/ },
  { name: 'dot-dot-alone', manifest: [group(['..'])], problem: /"\.\." is refused: it has "\.\."/ },
  { name: 'not-a-string', manifest: [group([{ path: '../../outside/secret.bin' }])], problem: /"\[object Object\]" is refused: it is not a string/ },
  { name: 'second-path', manifest: [group(['w.bin', '../../outside/secret.bin'], [...GOOD_SPECS, LEAK_SPEC])], problem: /"\.\.\/\.\.\/outside\/secret\.bin" is refused/ },
  { name: 'second-group', manifest: [group(['w.bin']), group(['../../outside/secret.bin'], [LEAK_SPEC])], problem: /weightsManifest has 2 groups/ },
  {
    name: 'symlink-out',
    manifest: [group(['w.bin', 'leak.bin'], [...GOOD_SPECS, LEAK_SPEC])],
    prepare: (dir) => symlinkSync(secret.path, join(dir, 'leak.bin')),
    problem: /weights file "leak\.bin": a symbolic link, not followed here/,
  },
  {
    name: 'symlink-dev-zero',
    manifest: [group(['zero.bin'])],
    prepare: (dir) => symlinkSync('/dev/zero', join(dir, 'zero.bin')),
    problem: /weights file "zero\.bin": a symbolic link/,
  },
  { name: 'fifo', manifest: [group(['pipe.bin'])], prepare: (dir) => mkfifo(join(dir, 'pipe.bin')), problem: /weights file "pipe\.bin": not a regular file but a FIFO/ },
  { name: 'directory', manifest: [group(['folder.bin'])], prepare: (dir) => mkdirSync(join(dir, 'folder.bin')), problem: /weights file "folder\.bin": not a regular file but a directory/ },
  {
    name: 'padded',
    manifest: [group(['padded.bin'])],
    prepare: (dir) => writeFileSync(join(dir, 'padded.bin'), Buffer.concat([GOOD_WEIGHTS, readFileSync(secret.path)])),
    problem: /weights file "padded\.bin": holds more bytes than model\.json says/,
  },
  { name: 'huge-declared', manifest: [group(['w.bin'], [...GOOD_SPECS, { name: 'huge', shape: [1 << 30], dtype: 'float32' }])], problem: /more than 256 MB of weights/ },
];

/** root/models/<name>/model.json: the bundled model with the attack's manifest, its real weights beside it as w.bin. */
function attackFolder(attack: Attack): string {
  const dir = join(root, 'models', attack.name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'w.bin'), GOOD_WEIGHTS);
  attack.prepare?.(dir);
  const path = join(dir, 'model.json');
  writeFileSync(path, JSON.stringify({ ...JSON.parse(GOOD_JSON), weightsManifest: attack.manifest }));
  return path;
}

const modelPaths = new Map(ATTACKS.map((attack) => [attack.name, attackFolder(attack)]));

/** Every CLI command that opens a model, taken in turn so that each meets several attacks. */
const COMMANDS: Array<(model: string) => string[]> = [
  (model) => ['info', model],
  (model) => ['info', model, '--json'],
  (model) => ['evaluate', model],
  (model) => ['predict', model, join(root, 'never-read.png')],
  (model) => ['export', model, '--tflite', join(root, 'out.tflite'), '--no-verify'],
  (model) => ['train', '--start-from', model, '--hidden', '256,256', '--epochs', '1'],
];

function newService(): { service: AppService; userDir: string } {
  const userDir = join(mkdtempSync(join(root, 'service-')), 'user');
  mkdirSync(userDir);
  return { service: new AppService({ version: 'test', shell: 'web', userDir, bundledModelsDir: BUNDLED }), userDir };
}

/** Every file under `dir`, read back. */
function allFiles(dir: string): Buffer[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => readFileSync(path));
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a model.json may only name plain files next to it', () => {
  it('the bundled model, copied with its weights renamed to w.bin, still opens (the attacks below change only the manifest)', async () => {
    const path = attackFolder({ name: 'control', manifest: [group(['./w.bin'])], problem: /never/ });
    expect(denseStackOf((await openModelFile(path)).layers).layers).toHaveLength(3);
  });

  it.each(ATTACKS.map((attack) => [attack.name, attack] as const))('%s: the reader refuses with one line naming the model and the path', async (_, attack) => {
    const path = modelPaths.get(attack.name)!;
    const started = Date.now();
    const error = await openModelFile(path).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(ModelFileError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message.startsWith(`${path}: `), message).toBe(true);
    expect(message).toMatch(attack.problem);
    expectNoLeak(message, secret);
  });

  it('every CLI command that opens a model refuses every attack with one error line, in time, leaking nothing', async () => {
    for (const [i, attack] of ATTACKS.entries()) {
      const path = modelPaths.get(attack.name)!;
      const result = await runCliWithin(COMMANDS[i % COMMANDS.length](path));
      expectOneLineFailure(result, path, attack.problem);
      expectNoLeak(result.stdout + result.stderr, secret);
    }
  });
});

describe('importing a hostile model.json', () => {
  it('keeps the secret out of the library, its listings and its downloads, whatever the manifest names', async () => {
    const { service, userDir } = newService();
    const outcomes = { refused: 0, imported: 0 };
    for (const attack of ATTACKS) {
      const data = bytesToBase64(readFileSync(modelPaths.get(attack.name)!));
      for (const weightsData of [bytesToBase64(GOOD_WEIGHTS), undefined]) {
        const result = await service.call('importModel', { fileName: `${attack.name}.json`, data, weightsData }).then(
          (entry) => entry as ModelEntry,
          (error: unknown) => error as Error,
        );
        if (result instanceof Error) {
          outcomes.refused++;
          expect(result.message).not.toContain('\n');
          expectNoLeak(result.message, secret);
        } else {
          // The upload's own weights replaced the manifest's single path: the model is exactly the bundled one.
          outcomes.imported++;
          expect(weightsData).toBeDefined();
          const { weights } = (await service.call('getModel', { id: result.id })) as { weights: Array<{ kernel: string }> };
          expect(Buffer.from(base64ToBytes(weights[0].kernel)).equals(GOOD_WEIGHTS.subarray(0, 784 * 256 * 4))).toBe(true);
        }
      }
    }
    expect(outcomes.refused).toBeGreaterThan(ATTACKS.length);
    const entries = (await service.call('listModels', {})) as ModelEntry[];
    for (const entry of entries.filter((e) => e.source === 'imported')) {
      const download = (await service.call('downloadModel', { id: entry.id, format: 'h5' })) as { data: string };
      expectNoLeak(base64ToBytes(download.data), secret);
      expectNoLeak(JSON.stringify(await service.call('getModel', { id: entry.id })), secret);
    }
    for (const file of allFiles(userDir)) expectNoLeak(file, secret);
  });

  it('refuses the padded import: an upload whose manifest declares more weights than the upload holds', async () => {
    const { service, userDir } = newService();
    const attempts: Array<[string[], RegExp]> = [
      [['./w.bin', '../../../outside/secret.bin'], /weights file "\.\.\/\.\.\/\.\.\/outside\/secret\.bin" is refused/],
      // Plain names pass the name rule; the upload's one weights file then holds too little for the declared weights.
      [['./w.bin', 'secret.bin'], /weights file is too short for leak/],
    ];
    for (const [paths, problem] of attempts) {
      const manifest = [group(paths, [...GOOD_SPECS, LEAK_SPEC])];
      const data = bytesToBase64(Buffer.from(JSON.stringify({ ...JSON.parse(GOOD_JSON), weightsManifest: manifest })));
      const error = await service.call('importModel', { fileName: 'padded.json', data, weightsData: bytesToBase64(GOOD_WEIGHTS) }).catch((e: unknown) => e as Error);
      expect(error).toBeInstanceOf(ModelFileError);
      expect((error as Error).message).toMatch(problem);
      expectNoLeak((error as Error).message, secret);
    }
    expect(readdirSync(join(userDir, 'models'))).toEqual([]);
  });
});
