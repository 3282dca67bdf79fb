/** A mounted Draw page in component tests: the prediction it shows, and strokes drawn as DrawCanvas emits them. */
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import DrawCanvas from '../../../src/renderer/src/draw/DrawCanvas.vue';
import type { Stroke } from '../../../src/renderer/src/draw/strokes';

let nextId = 1;

export function drawPageProbe(page: () => VueWrapper) {
  const prediction = () => page().get('[data-testid="prediction"]');
  const shown = () => ({ digit: prediction().attributes('data-digit'), strokes: prediction().attributes('data-strokes') });
  /** Draws a stroke through the points (canvas CSS px, x y pairs) and returns its id. */
  async function drawStroke(points = [60, 60, 200, 60, 120, 260]): Promise<number> {
    const stroke: Stroke = { id: nextId++, points, widths: points.filter((_, i) => i % 2 === 0).map(() => 16) };
    page().findComponent(DrawCanvas).vm.$emit('stroke', stroke, performance.now());
    await flushPromises();
    return stroke.id;
  }
  return { prediction, shown, drawStroke };
}
