/**
 * The drawing as the model sees it, as a bitmap for predictFromRgba: the strokes drawn by the shared pure
 * JavaScript rasterizer of core/preprocess (the same one the CLI and `npm run bench:pen` use), independent
 * of how big the user drew and how hard they pressed, as dark ink on white RGBA. The on-screen ink may be
 * thicker or thinner; the 28×28 preview shows what the model gets.
 */
import { MIN_DIGIT_SPAN_PX, strokesToInk } from '../../../core/preprocess';

export interface RgbaBitmap {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export class ModelBitmap {
  private bitmap: RgbaBitmap | null = null;

  /** Dark ink on white, as RGBA; null when there is no digit-sized drawing. */
  render(strokes: ReadonlyArray<ArrayLike<number>>): RgbaBitmap | null {
    const ink = strokesToInk(strokes, MIN_DIGIT_SPAN_PX);
    if (!ink) return null;
    const { width, height, data } = ink;
    if (this.bitmap?.width !== width || this.bitmap.height !== height) {
      this.bitmap = { data: new Uint8ClampedArray(width * height * 4), width, height };
    }
    const rgba = this.bitmap.data;
    for (let i = 0, p = 0; i < data.length; i++, p += 4) {
      rgba[p] = rgba[p + 1] = rgba[p + 2] = Math.round(255 * (1 - data[i]));
      rgba[p + 3] = 255;
    }
    return this.bitmap;
  }
}
