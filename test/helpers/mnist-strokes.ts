/**
 * MNIST digits turned into pen strokes, for testing the stroke pipeline on digits whose label is known:
 * the 28×28 image is enlarged (bilinear), thresholded, thinned to a one-pixel skeleton (Zhang & Suen 1984,
 * "A fast parallel algorithm for thinning digital patterns"), and the skeleton is traced into polylines
 * (flat x0, y0, x1, y1, …, y down, in MNIST pixel units). The pen width is lost on the way, as it is when
 * a person draws: the pipeline puts its own pen on the traced centrelines.
 */
const SIZE = 28;

/** Pixel offsets of the 8 neighbours P2…P9, clockwise from north (Zhang–Suen's order). */
const RING: ReadonlyArray<readonly [number, number]> = [[0, -1], [1, -1], [1, 0], [1, 1], [0, 1], [-1, 1], [-1, 0], [-1, -1]];

interface Binary {
  side: number;
  on: Uint8Array;
}

/** The image enlarged `factor` times by bilinear interpolation, ink where it reaches `threshold` (0…255). */
function enlarge(pixels: ArrayLike<number>, factor: number, threshold: number): Binary {
  const side = SIZE * factor;
  const on = new Uint8Array(side * side);
  const at = (x: number, y: number): number => (x >= 0 && x < SIZE && y >= 0 && y < SIZE ? pixels[y * SIZE + x] : 0);
  for (let y = 0; y < side; y++) {
    const sy = (y + 0.5) / factor - 0.5;
    const y0 = Math.floor(sy);
    const ty = sy - y0;
    for (let x = 0; x < side; x++) {
      const sx = (x + 0.5) / factor - 0.5;
      const x0 = Math.floor(sx);
      const tx = sx - x0;
      const top = (1 - tx) * at(x0, y0) + tx * at(x0 + 1, y0);
      const bottom = (1 - tx) * at(x0, y0 + 1) + tx * at(x0 + 1, y0 + 1);
      on[y * side + x] = (1 - ty) * top + ty * bottom >= threshold ? 1 : 0;
    }
  }
  return { side, on };
}

/** Zhang–Suen thinning in place: alternating sub-iterations peel boundary pixels until none change. */
function thin({ side, on }: Binary): void {
  const ring = new Uint8Array(8);
  const remove: number[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const step of [0, 1]) {
      remove.length = 0;
      for (let y = 1; y < side - 1; y++) {
        for (let x = 1; x < side - 1; x++) {
          const i = y * side + x;
          if (!on[i]) continue;
          RING.forEach(([dx, dy], k) => (ring[k] = on[i + dy * side + dx]));
          const neighbours = ring.reduce((a, b) => a + b, 0);
          if (neighbours < 2 || neighbours > 6) continue;
          let transitions = 0;
          for (let k = 0; k < 8; k++) if (!ring[k] && ring[(k + 1) % 8]) transitions++;
          if (transitions !== 1) continue;
          const [p2, , p4, , p6, , p8] = ring;
          const keep = step === 0 ? p2 * p4 * p6 || p4 * p6 * p8 : p2 * p4 * p8 || p2 * p6 * p8;
          if (!keep) remove.push(i);
        }
      }
      for (const i of remove) on[i] = 0;
      if (remove.length) changed = true;
    }
  }
}

/**
 * Walks the skeleton's 8-connected pixel graph into polylines: each walk starts at an end point (one
 * neighbour) while there are any, else anywhere (closed loops), follows unused links and stops where
 * none is left. Every link is drawn exactly once.
 */
function trace({ side, on }: Binary): number[][] {
  const used = new Set<string>();
  const link = (a: number, b: number): string => (a < b ? `${a}:${b}` : `${b}:${a}`);
  const inked = (x: number, y: number): boolean => x >= 0 && x < side && y >= 0 && y < side && on[y * side + x] === 1;
  // A diagonal link is left out where a straight two-step path joins the same pixels (a staircase is
  // walked step by step, not cut across and then drawn a second time).
  const neighbours = (i: number): number[] => {
    const x = i % side;
    const y = (i - x) / side;
    return RING.filter(([dx, dy]) => inked(x + dx, y + dy) && (dx === 0 || dy === 0 || (!inked(x + dx, y) && !inked(x, y + dy)))).map(
      ([dx, dy]) => i + dy * side + dx,
    );
  };
  const free = (i: number): number[] => neighbours(i).filter((j) => !used.has(link(i, j)));
  const pixels = [...on.keys()].filter((i) => on[i]);
  const starts = [...pixels.filter((i) => neighbours(i).length === 1), ...pixels];
  const strokes: number[][] = [];
  const point = (i: number): number[] => [((i % side) + 0.5) / (side / SIZE), (Math.floor(i / side) + 0.5) / (side / SIZE)];
  for (const start of starts) {
    if (neighbours(start).length === 0) {
      strokes.push(point(start));
      continue;
    }
    if (!free(start).length) continue;
    const stroke = point(start);
    for (let at = start, next = free(at); next.length; next = free(at)) {
      used.add(link(at, next[0]));
      at = next[0];
      stroke.push(...point(at));
    }
    strokes.push(stroke);
  }
  return strokes;
}

export interface StrokeOptions {
  /** Enlargement before thinning (a smoother skeleton for larger factors). */
  factor?: number;
  /** Ink threshold on the enlarged image, 0…255. */
  threshold?: number;
}

/** An MNIST image (784 values, 0…255, white ink on black) as pen strokes in MNIST pixel units, y down. */
export function mnistToStrokes(pixels: ArrayLike<number>, { factor = 3, threshold = 128 }: StrokeOptions = {}): number[][] {
  const binary = enlarge(pixels, factor, threshold);
  thin(binary);
  return trace(binary);
}
