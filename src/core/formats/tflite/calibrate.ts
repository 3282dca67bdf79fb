/**
 * Activation ranges for full-integer quantization, found as TensorFlow's converter finds them from a
 * representative dataset: the float graph runs on a sample of MNIST training images and every tensor's smallest and
 * largest value is kept, the range then widened to include 0 (so that 0 is exactly representable, which zero
 * padding and relu need). The images are fed as the file's float input would be: pixels/255 as drawn (inverted for a
 * file that turns dark-on-light into MNIST's polarity), R=G=B for an RGB input.
 */
import type { DigitSet } from '../../dataset';
import type { Graph } from './graph-builder';
import { createGraphRunner } from './graph-run';

/** The converter's guides suggest a few hundred representative samples; 1,000 keeps rare extremes in the ranges. */
export const CALIBRATION_IMAGES = 1000;

export interface Range {
  min: number;
  max: number;
}

/** Every tensor's range over the sample (indices of constants and unvisited tensors stay undefined). */
export function calibrate(graph: Graph, images: DigitSet, { invert = false }: { invert?: boolean } = {}): Array<Range | undefined> {
  if (images.count === 0) throw new Error('calibration needs at least one image');
  const run = createGraphRunner(graph);
  const size = images.rows * images.cols;
  const channels = graph.tensors[graph.input].shape.reduce((a, b) => a * b, 1) / size;
  const ranges: Array<Range | undefined> = [];
  const input = new Float32Array(size * channels);
  const samples = Math.min(CALIBRATION_IMAGES, images.count);
  // Evenly spread over the set, which is not sorted by digit but may be by writer.
  const step = images.count / samples;
  for (let s = 0; s < samples; s++) {
    const first = Math.floor(s * step) * size;
    for (let p = 0; p < size; p++) {
      const pixel = images.pixels[first + p];
      input.fill((invert ? 255 - pixel : pixel) / 255, p * channels, (p + 1) * channels);
    }
    run(input, (tensor, values) => {
      const range = (ranges[tensor] ??= { min: 0, max: 0 });
      for (const v of values) {
        if (v < range.min) range.min = v;
        else if (v > range.max) range.max = v;
      }
    });
  }
  return ranges;
}
