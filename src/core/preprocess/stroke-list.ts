/**
 * The portable drawing format: a JSON list of strokes, each a list of [x, y] points (y down), as used by
 * `digit-studio predict MODEL --strokes FILE.json` and the pendigits-dev set.
 */
import type { StrokePoints } from './strokes';

/** Checks the shape of a parsed JSON drawing and flattens each stroke to x0, y0, x1, y1, …; throws a RangeError naming the first bad value. */
export function parseStrokeList(value: unknown): StrokePoints[] {
  if (!Array.isArray(value)) throw new RangeError('expected a list of strokes, each a list of [x, y] points');
  return value.map((stroke: unknown, s) => {
    if (!Array.isArray(stroke)) throw new RangeError(`stroke ${s} is not a list of [x, y] points`);
    const flat: number[] = [];
    stroke.forEach((point: unknown, p) => {
      if (!Array.isArray(point) || point.length !== 2 || !point.every((v) => typeof v === 'number' && Number.isFinite(v))) {
        throw new RangeError(`stroke ${s}, point ${p}: expected [x, y] with two finite numbers`);
      }
      flat.push(point[0] as number, point[1] as number);
    });
    return flat;
  });
}
