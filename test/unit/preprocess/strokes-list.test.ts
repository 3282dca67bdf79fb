import { describe, expect, it } from 'vitest';
import { parseStrokeList } from '../../../src/core/preprocess/stroke-list';

describe('parseStrokeList: the [[x, y], …] per stroke drawing format', () => {
  it('flattens each stroke to x0, y0, x1, y1, … keeping stroke order and one-point strokes', () => {
    expect(parseStrokeList([[[1, 2], [3.5, -4]], [[7, 8]], []])).toEqual([[1, 2, 3.5, -4], [7, 8], []]);
    expect(parseStrokeList([])).toEqual([]);
  });

  it.each([
    [{ strokes: [] }, /expected a list of strokes/],
    [[[1, 2]], /stroke 0, point 0: expected \[x, y\]/],
    [[[[1, 2]], 'x'], /stroke 1 is not a list/],
    [[[[1, 2], [3]]], /stroke 0, point 1/],
    [[[[1, '2']]], /stroke 0, point 0/],
    [[[[1, 2, 3]]], /stroke 0, point 0/],
    [[[[Number.NaN, 2]]], /stroke 0, point 0/],
  ])('rejects %j, naming the bad value', (value, message) => {
    expect(() => parseStrokeList(value)).toThrow(message);
  });
});
