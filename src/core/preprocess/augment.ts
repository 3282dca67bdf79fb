/**
 * Random affine distortion of 28×28 uint8 digit images for training ("augmentation"): rotation and scale about
 * the image centre, then a shift, resampled bilinearly. Pure and allocation-free per image: each output pixel
 * maps back to a source position by an inverse affine map stepped incrementally along the row in 16.16 fixed
 * point, with 8-bit bilinear weights in integers; only the part of the output that the source's ink can reach
 * is computed, the rest is zero (callers that distort the same image many times pass its ink box once).
 */
import { MNIST_SIZE } from './mnist-style';

/** One image's distortion. */
export interface Affine {
  /** Degrees; positive turns the digit counter-clockwise as seen on screen. */
  rotation: number;
  /** Size factor about the image centre. */
  scale: number;
  /** Pixels; positive moves the digit right / down. */
  shiftX: number;
  shiftY: number;
}

export interface AugmentRanges {
  /** Shifts are uniform in [-maxShift, maxShift] px, each axis. */
  maxShift: number;
  /** Rotations are uniform in [-maxRotation, maxRotation] degrees. */
  maxRotation: number;
  minScale: number;
  maxScale: number;
}

export const AUGMENT_RANGES: AugmentRanges = { maxShift: 2, maxRotation: 10, minScale: 0.9, maxScale: 1.1 };

/** A uniformly drawn distortion within the ranges (four draws of `random`, always in the same order). */
export function randomAffine(random: () => number, ranges: AugmentRanges = AUGMENT_RANGES): Affine {
  const between = (low: number, high: number): number => low + (high - low) * random();
  return {
    rotation: between(-ranges.maxRotation, ranges.maxRotation),
    scale: between(ranges.minScale, ranges.maxScale),
    shiftX: between(-ranges.maxShift, ranges.maxShift),
    shiftY: between(-ranges.maxShift, ranges.maxShift),
  };
}

const SIZE = MNIST_SIZE;
const PIXELS = SIZE * SIZE;
/** Pixel centres sit at integer coordinates, so the image centre is at 13.5. */
const CENTRE = (SIZE - 1) / 2;
const FRACTION_BITS = 16;
const ONE = 1 << FRACTION_BITS;

/** The rows and columns an image's ink spans (inclusive); null for an all-black image. */
export interface InkBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function inkBox(image: Uint8Array, at: number): InkBox | null {
  let x0 = SIZE;
  let x1 = -1;
  let y0 = SIZE;
  let y1 = -1;
  for (let y = 0, i = at; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++, i++) {
      if (image[i] === 0) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      y1 = y;
    }
  }
  return x1 < 0 ? null : { x0, y0, x1, y1 };
}

/** Source pixel (x, y) of the image at `at`, black outside the field. */
function pixelAt(image: Uint8Array, at: number, x: number, y: number): number {
  return x < 0 || y < 0 || x >= SIZE || y >= SIZE ? 0 : image[at + y * SIZE + x];
}

/**
 * Writes the distorted image source[sourceAt .. +784) to target[targetAt .. +784): output pixel q samples the
 * source at c + (q − c − shift) / (scale · R), R the rotation, c the centre; outside the source is black.
 * `box` is the source's inkBox (pass it when the same image is distorted many times).
 */
export function warpAffine(source: Uint8Array, sourceAt: number, target: Uint8Array, targetAt: number, affine: Affine, box = inkBox(source, sourceAt)): void {
  target.fill(0, targetAt, targetAt + PIXELS);
  if (!box) return;
  const radians = (affine.rotation * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const s = affine.scale;
  // Forward map p → q = c + s·R(p − c) + shift, with R = [[cos, sin], [−sin, cos]] in y-down coordinates.
  // The output box is the forward image of the ink box grown by one pixel (bilinear support), clipped.
  let qx0 = SIZE;
  let qx1 = -1;
  let qy0 = SIZE;
  let qy1 = -1;
  for (let corner = 0; corner < 4; corner++) {
    const px = (corner & 1 ? box.x1 + 1 : box.x0 - 1) - CENTRE;
    const py = (corner & 2 ? box.y1 + 1 : box.y0 - 1) - CENTRE;
    const qx = CENTRE + s * (cos * px + sin * py) + affine.shiftX;
    const qy = CENTRE + s * (cos * py - sin * px) + affine.shiftY;
    qx0 = Math.min(qx0, Math.floor(qx));
    qx1 = Math.max(qx1, Math.ceil(qx));
    qy0 = Math.min(qy0, Math.floor(qy));
    qy1 = Math.max(qy1, Math.ceil(qy));
  }
  qx0 = Math.max(qx0, 0);
  qy0 = Math.max(qy0, 0);
  qx1 = Math.min(qx1, SIZE - 1);
  qy1 = Math.min(qy1, SIZE - 1);

  // Inverse map q → p = c + (1/s)·Rᵀ(q − c − shift), fixed point, stepped along each output row.
  const stepX = Math.round((cos / s) * ONE);
  const stepY = Math.round((sin / s) * ONE);
  for (let qy = qy0; qy <= qy1; qy++) {
    const dx = qx0 - CENTRE - affine.shiftX;
    const dy = qy - CENTRE - affine.shiftY;
    let fx = Math.round((CENTRE + (cos * dx - sin * dy) / s) * ONE);
    let fy = Math.round((CENTRE + (sin * dx + cos * dy) / s) * ONE);
    let out = targetAt + qy * SIZE + qx0;
    for (let qx = qx0; qx <= qx1; qx++, out++, fx += stepX, fy += stepY) {
      const ix = fx >> FRACTION_BITS;
      const iy = fy >> FRACTION_BITS;
      const wx = (fx >> 8) & 255;
      const wy = (fy >> 8) & 255;
      let top: number;
      let bottom: number;
      if (ix >= 0 && iy >= 0 && ix < SIZE - 1 && iy < SIZE - 1) {
        const at = sourceAt + iy * SIZE + ix;
        top = source[at] * (256 - wx) + source[at + 1] * wx;
        bottom = source[at + SIZE] * (256 - wx) + source[at + SIZE + 1] * wx;
      } else if (ix >= -1 && iy >= -1 && ix < SIZE && iy < SIZE) {
        top = pixelAt(source, sourceAt, ix, iy) * (256 - wx) + pixelAt(source, sourceAt, ix + 1, iy) * wx;
        bottom = pixelAt(source, sourceAt, ix, iy + 1) * (256 - wx) + pixelAt(source, sourceAt, ix + 1, iy + 1) * wx;
      } else {
        continue;
      }
      target[out] = (top * (256 - wy) + bottom * wy + 32768) >> 16;
    }
  }
}
