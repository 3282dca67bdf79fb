import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDigitPng } from '../helpers/mnist-files';
import { jsonLines, runCli } from '../helpers/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'digit-studio-cli-'));
const modelPath = join(dir, 'model.json');

describe('digit-studio CLI', () => {
  it('train --json streams Keras-named events and ends with done naming the saved model', async () => {
    const result = await runCli(['train', '--preset', 'recommended', '--epochs', '2', '--limit', '12000', '--seed', '5', '--backend', 'wasm', '--json', '--out', modelPath]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const events = jsonLines(result.stdout);
    expect(events[0]).toMatchObject({ event: 'start', backend: 'wasm', train_samples: 9600, val_samples: 2400 });
    const epochs = events.filter((e) => e.event === 'epoch');
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(Object.keys(epochs[0]).sort()).toEqual(['accuracy', 'backend', 'epoch', 'epochs', 'event', 'loss', 'seconds', 'val_accuracy', 'val_loss']);
    const done = events.at(-1)!;
    expect(done).toMatchObject({ event: 'done', backend: 'wasm', model: modelPath, stopped: 'completed' });
    expect(done.test_accuracy).toBeGreaterThan(0.9);
  });

  it('evaluate reads the saved model and agrees with the test accuracy reported by training', async () => {
    const train = jsonLines((await runCli(['info', modelPath, '--json'])).stdout)[0];
    expect(train).toMatchObject({ params: 118_282, input: [null, 784], output: [null, 10] });
    const result = await runCli(['evaluate', modelPath, '--json']);
    expect(result.code).toBe(0);
    const evaluation = jsonLines(result.stdout)[0];
    expect(evaluation.test_accuracy).toBeGreaterThan(0.9);
    expect((evaluation.confusion as number[][]).flat().reduce((a, b) => a + b, 0)).toBe(10_000);
  });

  it('predict reads a PNG of a digit (MNIST test image 90 is a 3)', async () => {
    const png = join(dir, 'three.png');
    writeDigitPng(png);
    const result = await runCli(['predict', modelPath, png, '--json']);
    expect(result.code).toBe(0);
    const prediction = jsonLines(result.stdout)[0];
    expect(prediction.digit).toBe(3);
    expect((prediction.probabilities as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
  });

  it.each([
    [['train', '--epochs', 'two'], /--epochs: expected a whole number, got 'two'/, 2],
    [['train', '--colour', 'red'], /Unknown option '--colour'/, 2],
    [['train', '--optimizer', 'rmsprop'], /--optimizer: expected one of sgd\|momentum\|adam/, 2],
    [['train', '--validation-split', '1.5'], /validationSplit/, 2],
    [['train', '--threads', '4'], /--threads: expected one of 1\|2\|auto, got '4'/, 2],
    [['train', '--augment', '--no-augment'], /--augment and --no-augment contradict each other/, 2],
    [['fly'], /unknown command 'fly'/, 2],
    [['evaluate', join(dir, 'missing.json')], /missing\.json: cannot read: ENOENT/, 1],
    [['predict', join(dir, 'model.json'), join(dir, 'missing.png')], /missing\.png/, 1],
  ])('bad input %j exits non-zero with a one-line error', async (args, message, code) => {
    const result = await runCli(args);
    expect(result.code).toBe(code);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});
