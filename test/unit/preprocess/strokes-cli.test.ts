import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../../helpers/run-cli';

const MODEL = 'resources/models/digit-mlp.json';
const dir = mkdtempSync(join(tmpdir(), 'digit-studio-strokes-'));

function drawing(name: string, strokes: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(strokes));
  return path;
}

describe('digit-studio predict MODEL --strokes FILE.json', () => {
  it('reads a hand-drawn 7 (a bar and a slanted stem) as 7', async () => {
    const seven = drawing('seven.json', [[[60, 40], [100, 40], [140, 40], [180, 40], [200, 40], [185, 80], [165, 130], [145, 180], [130, 230], [125, 260]]]);
    const result = await runCli(['predict', MODEL, '--strokes', seven, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [prediction] = jsonLines(result.stdout);
    expect(prediction).toMatchObject({ event: 'prediction', strokes: seven, digit: 7 });
    expect((prediction.probabilities as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
  });

  it.each([
    ['dot.json', [[[150, 150]]], /no digit found \(the strokes span less than 12 px\)/],
    ['shape.json', { x: 1 }, /not a drawing: expected a list of strokes/],
    ['points.json', [[[1, 2, 3]]], /not a drawing: stroke 0, point 0/],
  ])('%s exits 1 with a one-line error', async (name, strokes, message) => {
    const result = await runCli(['predict', MODEL, '--strokes', drawing(name, strokes)]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });

  it('says which file it cannot read, and still wants an image without --strokes', async () => {
    const missing = await runCli(['predict', MODEL, '--strokes', join(dir, 'missing.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/missing\.json: cannot read: ENOENT/);
    const noImage = await runCli(['predict', MODEL]);
    expect(noImage.code).toBe(2);
    expect(noImage.stderr).toMatch(/expected <model> <image>/);
  });
});
