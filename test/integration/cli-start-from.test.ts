import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../helpers/run-cli';

const BUNDLED = fileURLToPath(new URL('../../resources/models/digit-mlp.json', import.meta.url));

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
});
