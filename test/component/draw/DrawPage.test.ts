// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModelEntry } from '../../../src/core/api/contract';
import type * as Preprocess from '../../../src/core/preprocess';
import { bundledPredictor } from './fixtures';

const { call } = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../../../src/renderer/src/api/client', () => ({
  api: { call, onEvent: () => () => undefined },
  messageOf: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}));
// These tests are about the page, not the preprocessing: any digit-sized drawing reads as MNIST test image 90 (a 3).
vi.mock('../../../src/core/preprocess', async (importOriginal) => {
  const { mnistInput } = await import('./fixtures');
  return {
    ...(await importOriginal<typeof Preprocess>()),
    strokesToModelInput: (lines: ArrayLike<number>[]) =>
      lines.some((points) => points.length >= 4) ? mnistInput(90) : { pixels: new Float32Array(784), empty: true },
  };
});

import DrawCanvas from '../../../src/renderer/src/draw/DrawCanvas.vue';
import DrawPage from '../../../src/renderer/src/draw/DrawPage.vue';
import DigitImage from '../../../src/renderer/src/shared/DigitImage.vue';
import { useModelsStore } from '../../../src/renderer/src/stores/models';
import { MLP_FACTS } from '../../helpers/model-facts';
import { drawPageProbe } from './draw-page-probe';

const entry = (id: string, name: string, testAccuracy: number | null): ModelEntry => ({
  id, name, source: 'bundled', createdAt: '', testAccuracy, ...MLP_FACTS, config: null, backend: null, path: `/models/${id}.json`,
});
const predictor = bundledPredictor();
let wrapper: VueWrapper;

function mountWithModel(): ReturnType<typeof useModelsStore> {
  setActivePinia(createPinia());
  const models = useModelsStore();
  models.models = [entry('bundled-digit-mlp', 'Digit MLP (bundled)', 0.9767), entry('mine', 'My model', null)];
  models.selectedId = 'bundled-digit-mlp';
  models.predictor = predictor;
  wrapper = mount(DrawPage, { global: { stubs: { DrawCanvas: true } }, attachTo: document.body });
  return models;
}

const { prediction, shown, drawStroke } = drawPageProbe(() => wrapper);

beforeEach(() => {
  call.mockReset();
  window.__digitStudioDrawTiming = [];
});
afterEach(() => wrapper?.unmount());

describe('DrawPage', () => {
  it('starts in the "Draw a digit" state', () => {
    mountWithModel();
    expect(shown()).toEqual({ digit: '', strokes: '0' });
    expect(prediction().text()).toContain('Draw a digit');
  });

  it('shows the digit, its probability and the strokes it was read from after a stroke', async () => {
    mountWithModel();
    await drawStroke();
    expect(shown()).toEqual({ digit: '3', strokes: '1' });
    expect(prediction().find('.digit').text()).toBe('3');
    expect(prediction().text()).toMatch(/\d+\.\d% sure/);
    expect(wrapper.get('[data-testid="probabilities"] li.top').attributes('data-digit')).toBe('3');
    expect(window.__digitStudioDrawTiming).toHaveLength(1);
    expect(window.__digitStudioDrawTiming![0]).toBeGreaterThanOrEqual(0);
  });

  it('reads the stroke being drawn, throttled, before it is finished', async () => {
    vi.useFakeTimers();
    try {
      mountWithModel();
      const canvas = wrapper.findComponent(DrawCanvas);
      const points = [60, 60, 200, 60];
      canvas.vm.$emit('progress', points);
      await vi.advanceTimersByTimeAsync(1);
      expect(shown()).toEqual({ digit: '3', strokes: '0' });
      await wrapper.get('[data-testid="clear-button"]').trigger('click');
      await vi.advanceTimersByTimeAsync(1);
      points.push(120, 260);
      canvas.vm.$emit('progress', points);
      await vi.advanceTimersByTimeAsync(50);
      expect(shown().digit).toBe('');
      await vi.advanceTimersByTimeAsync(60);
      expect(shown()).toEqual({ digit: '3', strokes: '0' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('treats a single dot as "Draw a digit", not as a digit', async () => {
    mountWithModel();
    await drawStroke([150, 150]);
    expect(shown()).toEqual({ digit: '', strokes: '1' });
    expect(prediction().text()).toContain('Draw a digit');
  });

  it('Clear resets data-strokes to 0 and data-digit to empty; Undo brings the drawing back', async () => {
    mountWithModel();
    await drawStroke();
    await drawStroke();
    expect(shown()).toEqual({ digit: '3', strokes: '2' });
    await wrapper.get('[data-testid="clear-button"]').trigger('click');
    expect(shown()).toEqual({ digit: '', strokes: '0' });
    expect(wrapper.findComponent(DrawCanvas).props('strokes')).toEqual([]);
    await wrapper.get('[data-testid="undo-button"]').trigger('click');
    expect(shown()).toEqual({ digit: '3', strokes: '2' });
  });

  it('Undo removes the last stroke and reads the drawing again', async () => {
    mountWithModel();
    await drawStroke([150, 150]);
    await drawStroke();
    expect(shown()).toEqual({ digit: '3', strokes: '2' });
    await wrapper.get('[data-testid="undo-button"]').trigger('click');
    expect(shown()).toEqual({ digit: '', strokes: '1' });
    await wrapper.get('[data-testid="undo-button"]').trigger('click');
    expect(shown()).toEqual({ digit: '', strokes: '0' });
    expect(wrapper.get('[data-testid="undo-button"]').attributes('disabled')).toBeDefined();
  });

  it('Delete and Escape clear, Ctrl+Z and Cmd+Z undo, but not while typing in a field', async () => {
    mountWithModel();
    await drawStroke();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await flushPromises();
    expect(shown()).toEqual({ digit: '', strokes: '0' });
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true }));
    await flushPromises();
    expect(shown()).toEqual({ digit: '3', strokes: '1' });
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete' }));
    await flushPromises();
    expect(shown().strokes).toBe('0');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', metaKey: true }));
    await flushPromises();
    expect(shown().strokes).toBe('1');
    wrapper.get('[data-testid="model-select"]').element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flushPromises();
    expect(shown().strokes).toBe('1');
  });

  it('removes the strokes rubbed out with the pen eraser', async () => {
    mountWithModel();
    await drawStroke();
    const second = await drawStroke();
    wrapper.findComponent(DrawCanvas).vm.$emit('erase', [second]);
    await flushPromises();
    expect(shown()).toEqual({ digit: '3', strokes: '1' });
  });

  it('lists the models with their accuracy and loads the one chosen, showing its error', async () => {
    const models = mountWithModel();
    const select = wrapper.get('[data-testid="model-select"]');
    expect(select.findAll('option').map((o) => o.text())).toEqual(['Digit MLP (bundled) (97.67%)', 'My model']);
    expect((select.element as HTMLSelectElement).value).toBe('bundled-digit-mlp');
    call.mockRejectedValue(new Error('model file is damaged'));
    await select.setValue('mine');
    expect(call).toHaveBeenCalledWith('getModel', { id: 'mine' });
    await flushPromises();
    expect(models.selectedId).toBe('mine');
    expect(wrapper.get('[role="alert"]').text()).toBe('model file is damaged');
    expect(shown().digit).toBe('');
  });

  it('says the model is loading until its weights arrive, then reads the drawing', async () => {
    const models = mountWithModel();
    models.predictor = null;
    models.loading = true;
    await drawStroke();
    expect(shown()).toEqual({ digit: '', strokes: '1' });
    expect(prediction().text()).toBe('Loading the model…');
    models.predictor = predictor;
    models.loading = false;
    await flushPromises();
    expect(shown()).toEqual({ digit: '3', strokes: '1' });
  });
});

describe('DrawPage: teach it my handwriting', () => {
  const saved = (label: number) => ({ id: `sample-${label}`, label, createdAt: '2026-12-06T04:00:00.000Z', pixels: '' });

  it('offers no label before there is a digit to read', () => {
    mountWithModel();
    expect(wrapper.get('[data-testid="confirm-label"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="correct-label-5"]').attributes('disabled')).toBeDefined();
  });

  it('saves the strokes and the exact 28×28 input with the corrected label, then clears for the next digit', async () => {
    mountWithModel();
    call.mockImplementation(async (method: string, request: { label: number }) => {
      if (method === 'saveSample') return saved(request.label);
      throw new Error(`unexpected ${method}`);
    });
    await drawStroke([60, 60, 200, 60, 120, 260]);
    const input = Float32Array.from(wrapper.findComponent(DigitImage).props('pixels') as Float32Array);
    await wrapper.get('[data-testid="correct-label-5"]').trigger('click');
    await flushPromises();
    expect(call).toHaveBeenCalledTimes(1);
    const [method, request] = call.mock.calls[0] as [string, { label: number; strokes: unknown; pixels: string }];
    expect(method).toBe('saveSample');
    expect(request.label).toBe(5);
    expect(request.strokes).toEqual([{ points: [60, 60, 200, 60, 120, 260], widths: [16, 16, 16] }]);
    const bytes = Buffer.from(request.pixels, 'base64');
    expect(bytes).toHaveLength(784);
    expect(input.some((v) => v > 0)).toBe(true);
    bytes.forEach((b, i) => expect(Math.abs(b / 255 - input[i])).toBeLessThanOrEqual(0.5 / 255));
    expect(wrapper.get('[data-testid="teach-saved"]').text()).toBe('Saved as 5 — 1 drawing in My digits.');
    expect(shown()).toEqual({ digit: '', strokes: '0' });
  });

  it('saves with the digit key pressed, only when there is a digit and not while typing in a field', async () => {
    mountWithModel();
    call.mockImplementation(async (_method: string, request: { label: number }) => saved(request.label));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '4' }));
    await flushPromises();
    expect(call).not.toHaveBeenCalled();
    await drawStroke();
    wrapper.get('[data-testid="model-select"]').element.dispatchEvent(new KeyboardEvent('keydown', { key: '4', bubbles: true }));
    await flushPromises();
    expect(call).not.toHaveBeenCalled();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '8' }));
    await flushPromises();
    expect(call).toHaveBeenCalledWith('saveSample', expect.objectContaining({ label: 8 }));
    expect(shown()).toEqual({ digit: '', strokes: '0' });
  });

  it('confirms the digit read with one press, and shows a refusal from the backend', async () => {
    mountWithModel();
    call.mockResolvedValueOnce(saved(3)).mockRejectedValueOnce(new Error('you have 1000 saved drawings, the most Digit Studio keeps: delete some to save more'));
    await drawStroke();
    const confirm = wrapper.get('[data-testid="confirm-label"]');
    expect(confirm.text()).toBe('Right, it is a 3');
    await confirm.trigger('click');
    await flushPromises();
    expect(call).toHaveBeenLastCalledWith('saveSample', expect.objectContaining({ label: 3 }));
    await drawStroke();
    await wrapper.get('[data-testid="confirm-label"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="teach-panel"] [role="alert"]').text()).toMatch(/1000 saved drawings/);
    expect(shown()).toEqual({ digit: '3', strokes: '1' });
  });
});
