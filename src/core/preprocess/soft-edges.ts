/**
 * Softer stroke edges for training images. The Draw page's pipeline draws a pen stroke on a raster, area-resamples
 * it into MNIST's 20 px box and moves it by a fraction of a pixel, which leaves a wide faint fringe (values under
 * about 0.3) around slanted strokes and corners; MNIST's digits have sharp edges. A model trained only on sharp
 * edges reads the fringe as ink that changes the digit: a pen 1's flag with its fringe read as a 7's bar, and as a 1
 * once the fringe is cut off. Training on MNIST digits blurred by a random amount makes the fringe meaningless.
 */
import { MNIST_SIZE } from './mnist-style';

const SIZE = MNIST_SIZE;
/** The 1-2-1 kernel's weights (sum 4 per axis, 16 in all) of the blur. */
const SIDE = 1;
const MIDDLE = 2;
const blurred = new Uint16Array(SIZE * SIZE);

/** A uniformly drawn blur amount in [0, 1] (one draw of `random`). */
export const randomSoftness = (random: () => number): number => random();

/**
 * Mixes the 28×28 image at `at` with its 3×3 1-2-1 blur, `amount` of the blur (0 leaves it, 1 is the blur alone);
 * outside the field counts as black.
 */
export function softenEdges(image: Uint8Array, at: number, amount: number): void {
  if (amount <= 0) return;
  const pixel = (x: number, y: number): number => (x < 0 || y < 0 || x >= SIZE || y >= SIZE ? 0 : image[at + y * SIZE + x]);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let sum = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const wy = dy ? SIDE : MIDDLE;
        sum += wy * (SIDE * pixel(x - 1, y + dy) + MIDDLE * pixel(x, y + dy) + SIDE * pixel(x + 1, y + dy));
      }
      blurred[y * SIZE + x] = sum;
    }
  }
  for (let i = 0; i < SIZE * SIZE; i++) {
    image[at + i] = Math.round((1 - amount) * image[at + i] + (amount * blurred[i]) / 16);
  }
}
