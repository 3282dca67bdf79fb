// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SampleEntry } from '../../../src/core/api/contract';

const { call, downloads } = vi.hoisted(() => ({ call: vi.fn(), downloads: [] as Array<{ fileName: string; data: string }> }));
vi.mock('../../../src/renderer/src/api/client', () => ({
  api: { call, onEvent: () => () => undefined },
  messageOf: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}));
vi.mock('../../../src/renderer/src/shared/download', () => ({ downloadFile: (file: { fileName: string; data: string }) => downloads.push(file) }));

import SamplesPage from '../../../src/renderer/src/samples/SamplesPage.vue';
import { inputToBytes } from '../../../src/renderer/src/stores/samples';

const PIXELS = Buffer.alloc(784, 128).toString('base64');
const sample = (id: string, label: number): SampleEntry => ({ id, label, createdAt: '2026-12-06T04:00:00.000Z', pixels: PIXELS });

let library: SampleEntry[];
let wrapper: VueWrapper;

async function mountPage(): Promise<VueWrapper> {
  setActivePinia(createPinia());
  wrapper = mount(SamplesPage, { attachTo: document.body });
  await flushPromises();
  return wrapper;
}

const cards = () => wrapper.findAll('[data-testid="sample-card"]');
const counts = () => Array.from({ length: 10 }, (_, d) => Number(wrapper.get(`[data-testid="sample-count-${d}"] .count-value`).text()));

beforeEach(() => {
  call.mockReset();
  downloads.length = 0;
  library = [sample('sample-c', 7), sample('sample-b', 7), sample('sample-a', 1)];
  call.mockImplementation(async (method: string, request: { id?: string; label?: number }) => {
    switch (method) {
      case 'listSamples':
        return { samples: library, limit: 1000 };
      case 'relabelSample':
        return { ...library.find((s) => s.id === request.id)!, label: request.label };
      case 'deleteSample':
        return { deleted: true };
      case 'exportSamples':
        return { images: { fileName: 'my-digits-images-idx3-ubyte', data: 'AAAI' }, labels: { fileName: 'my-digits-labels-idx1-ubyte', data: 'AAAI' }, count: 3 };
      default:
        throw new Error(`unexpected ${method}`);
    }
  });
});
afterEach(() => wrapper?.unmount());

describe('SamplesPage (My digits)', () => {
  it('shows every saved drawing as its 28×28 input with its label, and the count per digit', async () => {
    await mountPage();
    expect(cards().map((c) => c.attributes('data-label'))).toEqual(['7', '7', '1']);
    expect(cards()[0].find('canvas').attributes('aria-label')).toBe('drawing labelled 7');
    expect(counts()).toEqual([0, 1, 0, 0, 0, 0, 0, 2, 0, 0]);
    expect(wrapper.text()).toContain('(3 of at most 1000)');
  });

  it('shows only one digit when its count is chosen, all again when chosen twice', async () => {
    await mountPage();
    await wrapper.get('[data-testid="sample-count-1"]').trigger('click');
    expect(cards().map((c) => c.attributes('data-label'))).toEqual(['1']);
    await wrapper.get('[data-testid="sample-count-1"]').trigger('click');
    expect(cards()).toHaveLength(3);
  });

  it('relabels and deletes a drawing through the API and updates the counts', async () => {
    await mountPage();
    await cards()[1].get('[data-testid="sample-label"]').setValue('4');
    await flushPromises();
    expect(call).toHaveBeenCalledWith('relabelSample', { id: 'sample-b', label: 4 });
    expect(counts()).toEqual([0, 1, 0, 0, 1, 0, 0, 1, 0, 0]);
    await cards()[0].get('[data-testid="sample-delete"]').trigger('click');
    await flushPromises();
    expect(call).toHaveBeenCalledWith('deleteSample', { id: 'sample-c' });
    expect(cards().map((c) => c.attributes('data-label'))).toEqual(['4', '1']);
    expect(counts()).toEqual([0, 1, 0, 0, 1, 0, 0, 0, 0, 0]);
  });

  it('shows a refused change next to the drawing', async () => {
    await mountPage();
    call.mockRejectedValueOnce(new Error('sample sample-a does not exist'));
    await cards()[2].get('[data-testid="sample-delete"]').trigger('click');
    await flushPromises();
    expect(cards()[2].get('[role="alert"]').text()).toBe('sample sample-a does not exist');
  });

  it('downloads the images and labels IDX files', async () => {
    await mountPage();
    await wrapper.get('[data-testid="export-samples"]').trigger('click');
    await flushPromises();
    expect(call).toHaveBeenCalledWith('exportSamples', { format: 'idx' });
    expect(downloads.map((d) => d.fileName)).toEqual(['my-digits-images-idx3-ubyte', 'my-digits-labels-idx1-ubyte']);
    expect(wrapper.get('[role="status"]').text()).toBe('Saved 3 drawings as MNIST-format IDX files (images and labels).');
  });

  it('explains how to add drawings when there are none, and cannot export', async () => {
    library = [];
    await mountPage();
    expect(wrapper.get('[data-testid="samples-empty"]').text()).toContain('confirm or correct');
    expect(wrapper.get('[data-testid="export-samples"]').attributes('disabled')).toBeDefined();
  });
});

describe('inputToBytes', () => {
  it('turns model input values in [0, 1] into bytes, clamping anything outside', () => {
    expect(Array.from(inputToBytes([0, 0.5, 1, 1.2, -0.1, 0.002]))).toEqual([0, 128, 255, 255, 0, 1]);
  });
});
