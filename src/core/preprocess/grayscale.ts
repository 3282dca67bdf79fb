/**
 * RGBA → "ink" conversion. Pure functions only: this module also runs in the
 * browser renderer, so it must not touch any Node API.
 */

/** Single-channel image; 0 = background, 1 = full ink. */
export interface GrayImage {
  width: number;
  height: number;
  /** width * height values, row-major. */
  data: Float32Array;
}

/**
 * Below this peak contrast (ink level relative to the background, before
 * normalisation) an image is treated as blank. Without it, a blank canvas with
 * a single off-by-one pixel would be stretched to full-intensity "ink".
 * 0.04 is about 10 grey levels out of 255.
 */
const MIN_INK_CONTRAST = 0.04;

/**
 * Converts RGBA pixels to ink intensity.
 *
 * 1. Luminance (Rec. 601 weights) of each pixel composited over white using its
 *    alpha, so transparent pixels count as background.
 * 2. Polarity: the background is the median luminance of the border pixels.
 *    Light background → ink = 1 - lum (dark ink); dark background → ink = lum.
 * 3. Normalise: subtract the background's ink level, clamp at 0, scale so the
 *    maximum becomes 1. Images with almost no contrast come back all zero.
 */
export function rgbaToInk(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
): GrayImage {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw new RangeError(`invalid image size ${width}x${height}`);
  }
  const count = width * height;
  if (rgba.length < count * 4) {
    throw new RangeError(
      `RGBA buffer too short for ${width}x${height}: ${rgba.length} bytes, need ${count * 4}`,
    );
  }
  const data = new Float32Array(count);
  if (count === 0) return { width, height, data };

  // Luminance in [0, 1], composited over white: lum = a * colour + (1 - a) * 1.
  for (let i = 0, p = 0; i < count; i++, p += 4) {
    const colour = (0.299 * rgba[p] + 0.587 * rgba[p + 1] + 0.114 * rgba[p + 2]) / 255;
    const alpha = rgba[p + 3] / 255;
    data[i] = alpha * colour + (1 - alpha);
  }

  const background = medianBorder(data, width, height);
  const lightBackground = background >= 0.5;
  const backgroundInk = lightBackground ? 1 - background : background;

  let max = 0;
  for (let i = 0; i < count; i++) {
    const ink = (lightBackground ? 1 - data[i] : data[i]) - backgroundInk;
    const clamped = ink > 0 ? ink : 0;
    data[i] = clamped;
    if (clamped > max) max = clamped;
  }

  if (max < MIN_INK_CONTRAST) {
    data.fill(0);
  } else {
    const scale = 1 / max;
    for (let i = 0; i < count; i++) data[i] *= scale;
  }
  return { width, height, data };
}

/** Median of the pixels on the outer one-pixel frame of the image. */
function medianBorder(values: Float32Array, width: number, height: number): number {
  const border: number[] = [];
  for (let x = 0; x < width; x++) {
    border.push(values[x]);
    if (height > 1) border.push(values[(height - 1) * width + x]);
  }
  for (let y = 1; y < height - 1; y++) {
    border.push(values[y * width]);
    if (width > 1) border.push(values[y * width + width - 1]);
  }
  border.sort((a, b) => a - b);
  const mid = border.length >> 1;
  return border.length % 2 === 1 ? border[mid] : (border[mid - 1] + border[mid]) / 2;
}
