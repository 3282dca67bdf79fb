/**
 * Weights (or activations) as colours on a diverging map (ColorBrewer's RdBu ends): red for positive, blue for
 * negative, white for zero, on a symmetric scale: by default each tile's own (its largest |weight| is full colour)
 * so that a unit with small weights still shows its pattern. RGBA bytes, ready for a canvas ImageData. Pure, so it
 * is tested in Node.
 */

/** Full-strength colours at +max and −max, and the colour of 0. */
export const POSITIVE_RGB = [178, 24, 43] as const;
export const NEGATIVE_RGB = [33, 102, 172] as const;
export const ZERO_RGB = [247, 247, 247] as const;

/** The largest |value|: the default scale of a tile. */
export function largestMagnitude(values: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i]));
  return largest;
}

/**
 * RGBA pixels (opaque) of a tile of weights, ±scale being full colour (beyond it too); a zero scale paints all
 * white.
 */
export function divergingRgba(weights: ArrayLike<number>, scale = largestMagnitude(weights)): Uint8ClampedArray {
  const pixels = new Uint8ClampedArray(4 * weights.length);
  for (let i = 0; i < weights.length; i++) {
    const t = scale === 0 ? 0 : Math.max(-1, Math.min(1, weights[i] / scale));
    const end = t < 0 ? NEGATIVE_RGB : POSITIVE_RGB;
    const strength = Math.abs(t);
    for (let c = 0; c < 3; c++) pixels[4 * i + c] = Math.round(ZERO_RGB[c] + (end[c] - ZERO_RGB[c]) * strength);
    pixels[4 * i + 3] = 255;
  }
  return pixels;
}
