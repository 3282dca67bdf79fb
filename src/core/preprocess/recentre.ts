/**
 * Centre of mass and whole-pixel moves of one 28×28 uint8 image inside a buffer of many: what MNIST's own
 * preparation centred its digits by, for augmentation that adds ink to an already centred digit.
 */
import { MNIST_SIZE } from './mnist-style';

const SIZE = MNIST_SIZE;

/** The ink-weighted mean pixel position (pixel centres at integer coordinates); the field's centre when empty. */
export function centreOfMass(image: Uint8Array, at: number): { x: number; y: number } {
  let mass = 0;
  let momentX = 0;
  let momentY = 0;
  for (let y = 0, i = at; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++, i++) {
      const v = image[i];
      mass += v;
      momentX += v * x;
      momentY += v * y;
    }
  }
  const centre = (SIZE - 1) / 2;
  return mass ? { x: momentX / mass, y: momentY / mass } : { x: centre, y: centre };
}

/** Moves the image at `at` by (dx, dy) whole pixels (positive: right, down), in place; ink moved off the field is lost. */
export function translate(image: Uint8Array, at: number, dx: number, dy: number): void {
  if (!dx && !dy) return;
  const moved = new Uint8Array(SIZE * SIZE);
  for (let y = Math.max(0, dy); y < Math.min(SIZE, SIZE + dy); y++) {
    const from = at + (y - dy) * SIZE;
    for (let x = Math.max(0, dx); x < Math.min(SIZE, SIZE + dx); x++) moved[y * SIZE + x] = image[from + x - dx];
  }
  image.set(moved, at);
}
