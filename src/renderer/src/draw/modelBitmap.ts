/**
 * Renders the drawing the way the model wants it, independent of how big the user drew and how hard they
 * pressed: the strokes' centrelines are scaled so their longer side spans DIGIT_SPAN pixels of a small
 * bitmap and drawn with one pen width that is a fixed fraction of the inked digit's size. The on-screen ink
 * may be thicker or thinner; the 28×28 preview shows what the model gets.
 */
import { drawStroke, strokeBounds } from './strokes';

/** Side of the square bitmap (small: every prediction reads all of its pixels). */
const MODEL_BITMAP_SIZE = 80;
/** The longer side of the centrelines' bounding box, in bitmap pixels. */
const DIGIT_SPAN = 64;
/** Pen width as a fraction of the inked digit's longer side; 0.08–0.09 reads the pendigits-dev set best. */
const PEN_FRACTION = 0.09;
/** Drawings whose centrelines span fewer CSS pixels are a dot or a scribble, not yet a digit. */
const MIN_DIGIT_SPAN = 12;

export class ModelBitmap {
  private readonly ctx: CanvasRenderingContext2D;

  constructor() {
    const canvas = document.createElement('canvas');
    canvas.width = MODEL_BITMAP_SIZE;
    canvas.height = MODEL_BITMAP_SIZE;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('this browser cannot draw on a canvas');
    this.ctx = ctx;
  }

  /** Dark ink on white, as RGBA; null when there is no digit-sized drawing. */
  render(strokes: ReadonlyArray<ArrayLike<number>>): ImageData | null {
    const bounds = strokeBounds(strokes);
    if (!bounds) return null;
    const span = Math.max(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY);
    if (span < MIN_DIGIT_SPAN) return null;

    const scale = DIGIT_SPAN / span;
    const { ctx } = this;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, MODEL_BITMAP_SIZE, MODEL_BITMAP_SIZE);
    ctx.strokeStyle = '#000';
    ctx.setTransform(
      scale,
      0,
      0,
      scale,
      MODEL_BITMAP_SIZE / 2 - ((bounds.minX + bounds.maxX) / 2) * scale,
      MODEL_BITMAP_SIZE / 2 - ((bounds.minY + bounds.maxY) / 2) * scale,
    );
    // Width w on a span s gives an inked digit of s + w; w / (s + w) = penFraction.
    const width = (PEN_FRACTION / (1 - PEN_FRACTION)) * span;
    for (const points of strokes) drawStroke(ctx, points, width);
    return ctx.getImageData(0, 0, MODEL_BITMAP_SIZE, MODEL_BITMAP_SIZE);
  }
}
