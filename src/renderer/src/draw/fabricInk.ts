/**
 * Fabric.js pieces for the Draw page: a brush that records pointer positions with a pressure-dependent pen
 * width, and an object that paints a finished stroke with those widths.
 */
import { BaseBrush, FabricObject, type Canvas, type Point } from 'fabric';
import { drawStroke, strokeBounds, type Stroke } from './strokes';

/** Fabric does not export its brush event type. */
type BrushEvent = Parameters<BaseBrush['onMouseMove']>[1];

const INK_COLOR = '#111111';
/** Pen width in CSS pixels for a mouse, a finger, or a pen at medium pressure. */
const PEN_WIDTH = 16;
/** Points closer than this (CSS px) to the previous one add nothing. */
const MIN_STEP = 1;

/** Pen pressure 0…1 scales the width from 0.4× to 1.6×; other pointers draw at the plain width. */
function widthFor(e: Event, smoothed: number | null): { width: number; pressure: number | null } {
  if (!(e instanceof PointerEvent) || e.pointerType !== 'pen' || e.pressure <= 0) return { width: PEN_WIDTH, pressure: null };
  const pressure = smoothed === null ? e.pressure : smoothed + 0.3 * (e.pressure - smoothed);
  return { width: PEN_WIDTH * (0.4 + 1.2 * pressure), pressure };
}

export interface InkBrushHooks {
  /** The stroke in progress changed (called for every accepted point). */
  progress(points: readonly number[]): void;
  /**
   * The pointer was lifted; `endedAt` is performance.now() at that moment. The stroke stays on Fabric's
   * top canvas until the page shows it as an InkStroke.
   */
  end(points: number[], widths: number[], endedAt: number): void;
}

export class InkBrush extends BaseBrush {
  private points: number[] = [];
  private widths: number[] = [];
  private pressure: number | null = null;

  constructor(
    canvas: Canvas,
    private readonly hooks: InkBrushHooks,
  ) {
    super(canvas);
    this.color = INK_COLOR;
  }

  /** True while a stroke is being drawn. */
  get drawing(): boolean {
    return this.points.length > 0;
  }

  override onMouseDown(pointer: Point, { e }: BrushEvent): void {
    if (!this.canvas._isMainEvent(e)) return;
    this.points = [];
    this.widths = [];
    this.pressure = null;
    this.addPoint(pointer, e);
    this._render();
  }

  override onMouseMove(pointer: Point, { e }: BrushEvent): void {
    if (!this.canvas._isMainEvent(e)) return;
    const n = this.points.length;
    if (Math.hypot(pointer.x - this.points[n - 2], pointer.y - this.points[n - 1]) < MIN_STEP) return;
    this.addPoint(pointer, e);
    this._render();
  }

  override onMouseUp({ e }: BrushEvent): boolean {
    if (!this.canvas._isMainEvent(e)) return true;
    const endedAt = performance.now();
    const { points, widths } = this;
    this.points = [];
    this.widths = [];
    if (points.length) this.hooks.end(points, widths, endedAt);
    return false;
  }

  /** Redraws the stroke in progress on Fabric's top canvas. */
  override _render(): void {
    const ctx = this.canvas.contextTop;
    this.canvas.clearContext(ctx);
    this._saveAndTransform(ctx);
    ctx.strokeStyle = this.color;
    drawStroke(ctx, this.points, this.widths);
    ctx.restore();
  }

  private addPoint(pointer: Point, e: Event): void {
    const { width, pressure } = widthFor(e, this.pressure);
    this.pressure = pressure;
    this.points.push(pointer.x, pointer.y);
    this.widths.push(width);
    this.hooks.progress(this.points);
  }
}

/** A finished stroke on the canvas (not selectable: the canvas is for drawing only). */
export class InkStroke extends FabricObject {
  constructor(readonly ink: Stroke) {
    const bounds = strokeBounds([ink.points]) ?? { minX: 0, minY: 0, maxX: 0, maxY: 0 };
    const pad = Math.max(...ink.widths) / 2 + 1;
    super({
      left: bounds.minX - pad,
      top: bounds.minY - pad,
      width: bounds.maxX - bounds.minX + 2 * pad,
      height: bounds.maxY - bounds.minY + 2 * pad,
      strokeWidth: 0,
      fill: null,
      stroke: null,
      selectable: false,
      evented: false,
      objectCaching: false,
    });
  }

  /** Fabric calls this with the origin at the object's centre. */
  override _render(ctx: CanvasRenderingContext2D): void {
    ctx.translate(-(this.left + this.width / 2), -(this.top + this.height / 2));
    ctx.strokeStyle = INK_COLOR;
    drawStroke(ctx, this.ink.points, this.ink.widths);
  }
}
