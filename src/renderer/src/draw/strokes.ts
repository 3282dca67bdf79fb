/**
 * A drawing is a list of strokes: pointer positions in canvas CSS pixels (y down) with the on-screen pen
 * width at each point. The screen (drawStroke, on a canvas) and the model's input (strokesToModelInput in
 * core/preprocess, in pure JavaScript) draw the same smoothed path (quadratic curves through the midpoints,
 * as Fabric's pencil does); only the pen width differs.
 */
export interface Stroke {
  id: number;
  /** Flat x0, y0, x1, y1, … */
  points: number[];
  /** On-screen pen width at each point (pen pressure changes it). */
  widths: number[];
}

/** The model's rasterizer measures drawings with the same bounds. */
export { strokeBounds } from '../../../core/preprocess';

/**
 * Strokes one polyline as smooth curves. With a single width the whole stroke is one path; with one width
 * per point every piece is stroked on its own (round caps make the pieces join seamlessly).
 */
export function drawStroke(ctx: CanvasRenderingContext2D, points: ArrayLike<number>, width: number | ArrayLike<number>): void {
  const n = points.length >> 1;
  if (n === 0) return;
  const perPoint = typeof width !== 'number';
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.lineWidth = perPoint ? width[0] : width;
  let penX = points[0];
  let penY = points[1];
  ctx.beginPath();
  ctx.moveTo(penX, penY);
  // A dot: canvas skips zero-length lines, so give it a hair of length for the round caps to show.
  if (n === 1) ctx.lineTo(penX + 0.01, penY);
  for (let i = 1; i < n; i++) {
    if (perPoint) {
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(penX, penY);
      ctx.lineWidth = width[i];
    }
    const x = points[2 * i];
    const y = points[2 * i + 1];
    if (i === n - 1) {
      ctx.lineTo(x, y);
    } else {
      penX = (x + points[2 * i + 2]) / 2;
      penY = (y + points[2 * i + 3]) / 2;
      ctx.quadraticCurveTo(x, y, penX, penY);
    }
  }
  ctx.stroke();
}

/** True when a disc of `radius` at (x, y) touches the stroke's inked area. */
export function strokeTouches(stroke: Stroke, x: number, y: number, radius: number): boolean {
  const { points, widths } = stroke;
  const n = points.length >> 1;
  for (let i = 0; i < n; i++) {
    const ax = points[2 * i];
    const ay = points[2 * i + 1];
    const bx = i + 1 < n ? points[2 * i + 2] : ax;
    const by = i + 1 < n ? points[2 * i + 3] : ay;
    const reach = radius + widths[i] / 2;
    if (distanceToSegment(x, y, ax, ay, bx, by) <= reach) return true;
  }
  return false;
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared > 0 ? Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / lengthSquared)) : 0;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
