import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openModelFile } from '../../src/core/formats/model-file';
import { describeModel } from '../../src/core/api/model-summary';
import { jsonLines, runCli } from '../helpers/run-cli';
import { VERIFY_FIXTURES } from '../helpers/verify-kit';

const BUNDLED = fileURLToPath(new URL('../../resources/models/digit-mlp.json', import.meta.url));
const KERAS_CNN = `${VERIFY_FIXTURES}keras_reference_cnn.h5`;
const dir = mkdtempSync(join(tmpdir(), 'digit-studio-start-from-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('digit-studio train --start-from', () => {
  it('fine-tunes the given model file instead of starting from fresh weights', async () => {
    const result = await runCli(['train', '--preset', 'recommended', '--hidden', '256,256', '--epochs', '1', '--limit', '3000', '--backend', 'wasm', '--start-from', BUNDLED, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const done = jsonLines(result.stdout).at(-1)!;
    expect(done.event).toBe('done');
    // The bundled model starts at 0.988; one epoch on these 2,400 images from fresh weights reaches about 0.83.
    expect(done.test_accuracy).toBeGreaterThan(0.95);
  });

  it('refuses a model whose layers differ from the settings, naming both', async () => {
    const result = await runCli(['train', '--hidden', '64', '--start-from', BUNDLED]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      `digit-studio: error: --start-from ${BUNDLED}: its layers are 784 → 256 relu → 256 relu → 10 softmax but the settings ask for 784 → 64 relu → 10 softmax: set the hidden layer sizes and activation to match the model (--hidden, --activation)`,
    );
  });

  it('fine-tunes a Keras CNN with the same layers and saves the CNN it trained', async () => {
    const out = join(dir, 'tuned-cnn.h5');
    const cnn = ['--arch', 'cnn', '--filters', '16,32', '--dense-units', 'none', '--dropout', '0.25'];
    const result = await runCli(['train', '--preset', 'cnn', ...cnn, '--epochs', '1', '--limit', '1000', '--backend', 'engine', '--start-from', KERAS_CNN, '--out', out, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // It starts at 98.51 %; one epoch on these 800 images from fresh weights reads far fewer.
    expect(jsonLines(result.stdout).at(-1)).toMatchObject({ event: 'done', model: out });
    expect(jsonLines(result.stdout).at(-1)!.test_accuracy).toBeGreaterThan(0.95);
    expect(describeModel((await openModelFile(out)).layers)).toBe(describeModel((await openModelFile(KERAS_CNN)).layers));
  });

  it('refuses a CNN whose layers differ from the settings, naming the CNN flags', async () => {
    const result = await runCli(['train', '--preset', 'cnn', '--start-from', KERAS_CNN]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(
      /^digit-studio: error: --start-from .*keras_reference_cnn\.h5: its layers are Conv2D 16 3×3 relu → .* but the settings ask for Conv2D 32 3×3 relu → .*: set its filters, kernel size, dense units, dropout and activation to match the model \(--filters, --kernel-size, --dense-units, --dropout, --activation\)$/,
    );
  });
});
