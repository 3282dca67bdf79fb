/**
 * Digits as pointer strokes for the Draw-page benchmark: one hand-drawn-like shape per digit (polylines in
 * fractions of the canvas), varied in position and size by a seeded generator so every run draws the same set.
 */
type Point = [number, number];
export type Digit = { digit: number; strokes: Point[][] };

function arc(cx: number, cy: number, rx: number, ry: number, from: number, to: number, steps = 10): Point[] {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const a = ((from + ((to - from) * i) / steps) * Math.PI) / 180;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)] as Point;
  });
}

/** Angles in degrees, clockwise on screen from 3 o'clock (y grows downwards). */
const SHAPES: Point[][][] = [
  [arc(0.5, 0.5, 0.2, 0.3, -90, 270, 16)],
  [[[0.42, 0.28], [0.52, 0.18], [0.52, 0.82]]],
  [[...arc(0.5, 0.35, 0.18, 0.15, 200, 380), [0.3, 0.8], [0.72, 0.8]]],
  [[...arc(0.48, 0.34, 0.17, 0.15, 210, 450), ...arc(0.48, 0.64, 0.19, 0.17, 270, 510)]],
  [[[0.62, 0.82], [0.62, 0.18], [0.3, 0.6], [0.75, 0.6]]],
  [[[0.7, 0.2], [0.36, 0.2], [0.33, 0.46], ...arc(0.48, 0.62, 0.2, 0.18, 240, 490)]],
  [[[0.62, 0.18], [0.4, 0.45], ...arc(0.5, 0.64, 0.18, 0.17, 180, 540)]],
  [[[0.28, 0.22], [0.72, 0.22], [0.45, 0.82]]],
  [[...arc(0.5, 0.33, 0.15, 0.14, 90, 450), ...arc(0.5, 0.65, 0.19, 0.17, -90, 270)]],
  [[...arc(0.5, 0.36, 0.17, 0.16, 0, 360), [0.67, 0.36], [0.63, 0.82]]],
];

/** Deterministic uniform numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` digits cycling 0…9, each scaled by 0.8–1.1 about the centre and shifted by up to ±0.06. */
export function variedDigits(count: number, seed = 7): Digit[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const digit = i % 10;
    const scale = 0.8 + 0.3 * next();
    const [dx, dy] = [(next() - 0.5) * 0.12, (next() - 0.5) * 0.12];
    const strokes = SHAPES[digit].map((stroke) => stroke.map(([x, y]) => [0.5 + (x - 0.5) * scale + dx, 0.5 + (y - 0.5) * scale + dy] as Point));
    return { digit, strokes };
  });
}
