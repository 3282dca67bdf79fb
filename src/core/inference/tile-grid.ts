/**
 * Where each tile of a tile grid (the Network page's pictures of weights and feature maps) sits on its one canvas,
 * and a tile's pixels enlarged to it. One canvas for the whole grid rather than one per tile: Chromium commits every
 * canvas as a layer of its own, and committing an MLP's 256 tile canvases took 45–100 ms, a long task each time the
 * Network page opened (issue 19's UI bench). Pure, so it is tested in Node.
 */

/** About this many CSS pixels per tile side, as a whole multiple of its values: 28 → 56, 3 → 54. */
const TILE_PX = 56;
/** CSS pixels of the frame around each tile, and of the space between two framed tiles. */
export const TILE_BORDER_PX = 1;
export const TILE_GAP_PX = 4;

export interface TileGridLayout {
  /** CSS pixels per value: every value is a side×side square. */
  side: number;
  columns: number;
  rows: number;
  /** From one tile's left (top) edge to the next one's, frame and gap included. */
  pitchX: number;
  pitchY: number;
  canvasWidth: number;
  canvasHeight: number;
}

/** CSS pixels per value for tiles of width×height values. */
export function tileSide(width: number, height: number): number {
  return Math.max(1, Math.floor(TILE_PX / Math.max(width, height)));
}

const framed = (width: number, height: number): [number, number] => {
  const side = tileSide(width, height);
  return [side * width + 2 * TILE_BORDER_PX, side * height + 2 * TILE_BORDER_PX];
};

/** As many framed tiles of width×height values as fit side by side in availableWidth CSS pixels (at least one). */
export function columnsThatFit(availableWidth: number, width: number, height: number): number {
  const [boxWidth] = framed(width, height);
  return Math.max(1, Math.floor((availableWidth + TILE_GAP_PX) / (boxWidth + TILE_GAP_PX)));
}

/** The grid of `count` tiles of width×height values in (at most) `columns` columns. */
export function tileGridLayout(count: number, width: number, height: number, columns: number): TileGridLayout {
  const [boxWidth, boxHeight] = framed(width, height);
  const used = Math.max(1, Math.min(columns, count));
  const rows = Math.ceil(count / used);
  const pitchX = boxWidth + TILE_GAP_PX;
  const pitchY = boxHeight + TILE_GAP_PX;
  return {
    side: tileSide(width, height),
    columns: used,
    rows,
    pitchX,
    pitchY,
    canvasWidth: used * pitchX - TILE_GAP_PX,
    canvasHeight: Math.max(0, rows * pitchY - TILE_GAP_PX),
  };
}

/** The top-left corner of tile `index`'s frame, in CSS pixels of the canvas; its values start TILE_BORDER_PX inside. */
export function tileFrameOrigin(layout: TileGridLayout, index: number): { x: number; y: number } {
  return { x: (index % layout.columns) * layout.pitchX, y: Math.floor(index / layout.columns) * layout.pitchY };
}

/** The tile under canvas point (x, y) in CSS pixels, frame included; null over a gap or past the last tile. */
export function tileIndexAt(layout: TileGridLayout, count: number, x: number, y: number): number | null {
  const column = Math.floor(x / layout.pitchX);
  const row = Math.floor(y / layout.pitchY);
  if (x < 0 || y < 0 || column >= layout.columns) return null;
  if (x - column * layout.pitchX >= layout.pitchX - TILE_GAP_PX || y - row * layout.pitchY >= layout.pitchY - TILE_GAP_PX) return null;
  const index = row * layout.columns + column;
  return index < count ? index : null;
}

/** RGBA pixels of width×height values, each value repeated as a side×side square. */
export function enlargedRgba(rgba: Uint8ClampedArray, width: number, height: number, side: number): Uint8ClampedArray {
  if (side === 1) return rgba;
  const out = new Uint8ClampedArray(4 * width * side * height * side);
  const source = new Uint32Array(rgba.buffer, rgba.byteOffset, width * height);
  const target = new Uint32Array(out.buffer);
  const rowLength = width * side;
  for (let r = 0; r < height; r++) {
    const rowStart = r * side * rowLength;
    for (let c = 0; c < width; c++) target.fill(source[r * width + c], rowStart + c * side, rowStart + (c + 1) * side);
    for (let copy = 1; copy < side; copy++) target.copyWithin(rowStart + copy * rowLength, rowStart, rowStart + rowLength);
  }
  return out;
}
