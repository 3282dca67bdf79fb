/**
 * A FIFO, a device or a directory given where a file is expected (named .h5, .json, .tflite, .png, or as one of
 * the IDX files of --data-dir) is refused at once with one error line: before, a FIFO hung the command forever and
 * /dev/zero filled the memory. Every CLI entry that takes a path is tried.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, it } from 'vitest';
import { expectOneLineFailure, mkfifo, runCliWithin } from '../helpers/hostile-files';
import { MNIST_DIR } from '../helpers/mnist-files';

const GOOD_MODEL = fileURLToPath(new URL('../../resources/models/digit-mlp.json', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'digit-studio-special-'));

/** A FIFO, a directory and a link to /dev/zero (the CLI follows links it is given) named `name`, in three folders. */
function specials(name: string): Array<{ path: string; problem: RegExp }> {
  const made = [
    { kind: 'fifo', make: mkfifo, problem: /not a regular file but a FIFO/ },
    { kind: 'directory', make: (path: string) => mkdirSync(path), problem: /not a regular file but a directory/ },
    { kind: 'device', make: (path: string) => symlinkSync('/dev/zero', path), problem: /not a regular file but a character device/ },
  ];
  return made.map(({ kind, make, problem }) => {
    const path = join(root, kind, name);
    mkdirSync(join(root, kind), { recursive: true });
    if (!existsSync(path)) make(path);
    return { path, problem };
  });
}

/** A --data-dir whose other three files are MNIST's and whose `special` is a FIFO, a directory or /dev/zero. */
function dataDirs(special: string): Array<{ dir: string; path: string; problem: RegExp }> {
  return specials(special).map(({ path, problem }, i) => {
    const dir = join(root, `data-${special}-${i}`);
    mkdirSync(dir, { recursive: true });
    for (const file of ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte']) {
      if (file === special) symlinkSync(path, join(dir, file));
      else symlinkSync(join(MNIST_DIR, file), join(dir, file));
    }
    return { dir, path: join(dir, special), problem };
  });
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32')('regular files only, everywhere a path comes in', () => {
  const cases: Array<[string, (path: string) => string[], string]> = [
    ['info .h5', (path) => ['info', path], 'model.h5'],
    ['info model.json', (path) => ['info', path, '--json'], 'model.json'],
    ['info .tflite', (path) => ['info', path], 'model.tflite'],
    ['evaluate', (path) => ['evaluate', path], 'evaluate.h5'],
    ['predict (the model)', (path) => ['predict', path, join(root, 'never-read.png')], 'predict.json'],
    ['predict (the PNG)', (path) => ['predict', GOOD_MODEL, path], 'digit.png'],
    ['predict --strokes', (path) => ['predict', GOOD_MODEL, '--strokes', path], 'drawing.json'],
    ['export', (path) => ['export', path, '--tflite', join(root, 'out.tflite')], 'export.json'],
    ['train --start-from', (path) => ['train', '--start-from', path, '--epochs', '1'], 'start.h5'],
  ];

  it.each(cases)('%s refuses a FIFO, a directory and a device with one line, at once', async (_, args, name) => {
    for (const { path, problem } of specials(name)) expectOneLineFailure(await runCliWithin(args(path)), path, problem);
  });

  it('evaluate --data-dir refuses a FIFO, a directory or a device as its test images', async () => {
    for (const { dir, path, problem } of dataDirs('t10k-images-idx3-ubyte')) {
      expectOneLineFailure(await runCliWithin(['evaluate', GOOD_MODEL, '--data-dir', dir]), path, problem);
    }
  });

  it('train --data-dir refuses a FIFO as its training labels', async () => {
    const [{ dir, path, problem }] = dataDirs('train-labels-idx1-ubyte');
    expectOneLineFailure(await runCliWithin(['train', '--data-dir', dir, '--epochs', '1', '--backend', 'cpu']), path, problem);
  });
});
