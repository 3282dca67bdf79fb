// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KERAS_CNN } from '../../../src/core/api/architecture';
import type { DamagedModel, ModelEntry, TfliteExportResult } from '../../../src/core/api/contract';

const { call, downloads } = vi.hoisted(() => ({ call: vi.fn(), downloads: [] as Array<{ fileName: string; data: string }> }));
vi.mock('../../../src/renderer/src/api/client', () => ({
  api: { call, onEvent: () => () => undefined },
  messageOf: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}));
vi.mock('../../../src/renderer/src/shared/download', () => ({ downloadFile: (file: { fileName: string; data: string }) => downloads.push(file) }));

import ModelsPage from '../../../src/renderer/src/models/ModelsPage.vue';
import { useModelsStore } from '../../../src/renderer/src/stores/models';
import { CNN_FACTS, MLP_FACTS } from '../../helpers/model-facts';

const bundled: ModelEntry = {
  id: 'bundled-digit-mlp', name: 'Digit MLP (bundled)', source: 'bundled', createdAt: '2026-11-25T15:59:00.000Z', testAccuracy: 0.9767,
  ...MLP_FACTS, backend: 'wasm', path: '/app/resources/models/digit-mlp.json',
  config: { epochs: 10, batchSize: 64, learningRate: 0.001, optimizer: 'adam', momentum: 0.9, hiddenUnits: [128, 128], activation: 'relu', validationSplit: 0.2, seed: 1, backend: 'auto' },
};
const imported: ModelEntry = { ...bundled, id: 'import-abc', name: 'keras-reference', source: 'imported', testAccuracy: null, config: null, backend: null, path: '/u/models/import-abc/model.json' };

let library: ModelEntry[];
let damaged: DamagedModel[];
let wrapper: VueWrapper;

function mountPage(): VueWrapper {
  setActivePinia(createPinia());
  const store = useModelsStore();
  store.models = library;
  store.damaged = damaged;
  store.selectedId = bundled.id;
  wrapper = mount(ModelsPage, { attachTo: document.body });
  return wrapper;
}

async function pickFiles(page: VueWrapper, files: File[]): Promise<void> {
  const input = page.get('[data-testid="open-model-input"]');
  Object.defineProperty(input.element, 'files', { value: files, configurable: true });
  await input.trigger('change');
  await flushPromises();
}

function card(page: VueWrapper, name: string) {
  return page.findAll('[data-testid="model-card"]').find((c) => c.find('h3').text() === name)!;
}

beforeEach(() => {
  call.mockReset();
  downloads.length = 0;
  library = [bundled];
  damaged = [];
  call.mockImplementation(async (method: string) => {
    if (method === 'listModels') return library;
    if (method === 'listDamagedModels') return damaged;
    throw new Error(`unexpected ${method}`);
  });
});
afterEach(() => wrapper?.unmount());

describe('ModelsPage', () => {
  it('lists each model with its source, accuracy, shape and training setup', () => {
    const page = mountPage();
    const text = card(page, 'Digit MLP (bundled)').text();
    expect(text).toContain('bundled');
    expect(text).toContain('97.67 %');
    expect(text).toContain('118');
    expect(text).toContain('adam · lr 0.001 · 10 epochs · batch 64');
    expect(text).toContain('wasm');
    expect(card(page, 'Digit MLP (bundled)').find('[data-testid="delete-button"]').exists()).toBe(false);
  });

  it("shows a CNN's layers in one line with its parameter count, and Keras' model.summary() when expanded", async () => {
    const cnn: ModelEntry = { ...bundled, ...CNN_FACTS, id: 'run-cnn', name: 'ADAM CNN 32-64', source: 'trained', config: { ...bundled.config!, batchSize: 128, cnn: KERAS_CNN } };
    library = [bundled, cnn];
    const page = mountPage();
    const cnnCard = card(page, 'ADAM CNN 32-64');
    expect(cnnCard.get('[data-testid="model-layers"]').text()).toBe(
      'Conv2D 32 3×3 relu → MaxPooling2D 2×2 → Conv2D 64 3×3 relu → MaxPooling2D 2×2 → Flatten → Dropout 0.5 → Dense 10 softmax · 34,826 parameters',
    );
    expect(cnnCard.text()).toContain('batch 128 · cnn filters=32,64 kernel=3 dense=none dropout=0.5 relu');
    const details = cnnCard.get('[data-testid="layer-summary"]');
    expect(details.attributes('open')).toBeUndefined();
    await details.get('summary').trigger('click');
    expect((details.element as HTMLDetailsElement).open).toBe(true);
    const rows = cnnCard.findAll('[data-testid="layer-summary-table"] tr').map((row) => row.findAll('th, td').map((cell) => cell.text()));
    expect(cnnCard.get('caption').text()).toBe('Input (None, 28, 28, 1)');
    // As model.summary() prints keras.io's CNN: a header, 7 layers, the total.
    expect(rows).toHaveLength(9);
    expect(rows[0]).toEqual(['Layer (type)', 'Output shape', 'Param #']);
    expect(rows[3]).toEqual(['conv2d_1 (Conv2D)', '(None, 11, 11, 64)', '18,496']);
    expect(rows[8]).toEqual(['Total params', '34,826']);
    expect(card(page, 'Digit MLP (bundled)').get('[data-testid="model-layers"]').text()).toBe('784 → 128 relu → 128 relu → 10 softmax · 118,282 parameters');
  });

  it('sends model.json and its weights file as one base64 importModel request, then lists the new model', async () => {
    call.mockImplementation(async (method: string) => {
      if (method === 'importModel') {
        library = [bundled, imported];
        return imported;
      }
      if (method === 'listModels') return library;
      if (method === 'listDamagedModels') return damaged;
      throw new Error(`unexpected ${method}`);
    });
    const page = mountPage();
    const json = '{"modelTopology":{},"weightsManifest":[{"paths":["model.weights.bin"]}]}';
    await pickFiles(page, [new File([json], 'model.json'), new File([new Uint8Array([0, 1, 2, 255])], 'model.weights.bin')]);
    expect(call).toHaveBeenCalledWith('importModel', { fileName: 'model.json', data: btoa(json), weightsData: btoa('\x00\x01\x02\xff') });
    expect(page.text()).toContain('Opened “keras-reference”');
    expect(card(page, 'keras-reference').get('[data-testid="model-source"]').text()).toBe('imported');
  });

  it('shows the backend refusal as a readable message', async () => {
    call.mockRejectedValue(new Error('model.json needs its weights file (model.weights.bin): open both files together'));
    const page = mountPage();
    await pickFiles(page, [new File(['{}'], 'model.json')]);
    expect(call).toHaveBeenCalledWith('importModel', { fileName: 'model.json', data: btoa('{}') });
    expect(page.get('[data-testid="import-error"]').text()).toBe('model.json needs its weights file (model.weights.bin): open both files together');
  });

  it('opens a .h5 dropped on the page and refuses files that are not models without asking the backend', async () => {
    const page = mountPage();
    await page.trigger('dragenter', { dataTransfer: { types: ['Files'] } });
    expect(page.find('[data-testid="drop-zone"]').exists()).toBe(true);
    await page.trigger('drop', { dataTransfer: { types: ['Files'], files: [new File(['x'], 'notes.txt')] } });
    await flushPromises();
    expect(page.find('[data-testid="drop-zone"]').exists()).toBe(false);
    expect(page.get('[data-testid="import-error"]').text()).toMatch(/^notes\.txt is not a model file/);
    expect(call).not.toHaveBeenCalledWith('importModel', expect.anything());

    await page.trigger('drop', { dataTransfer: { types: ['Files'], files: [new File(['HDF'], 'mnist.h5')] } });
    await flushPromises();
    expect(call).toHaveBeenCalledWith('importModel', { fileName: 'mnist.h5', data: btoa('HDF') });
  });

  it('exports TFLite with the chosen options, downloads model and labels, and shows size and verification', async () => {
    const result: TfliteExportResult = {
      model: { fileName: 'digit-mlp-int8.tflite', data: 'AAAA' },
      labels: { fileName: 'digit-mlp-labels.txt', data: 'MAox' },
      readme: { fileName: 'digit-mlp-int8.README.md', data: btoa('# digit-mlp-int8.tflite') },
      size: 30_720,
      verification: { runtime: 'LiteRT.js 2.5.3', accuracy: 0.9761, agreement: 0.9982, maxDelta: 0.0123, problem: null },
    };
    let finish!: (r: TfliteExportResult) => void;
    call.mockImplementation((method: string) => (method === 'exportTflite' ? new Promise((r) => (finish = r)) : Promise.reject(new Error(method))));
    const page = mountPage();
    const model = card(page, 'Digit MLP (bundled)');
    await model.get('[data-testid="export-tflite-button"]').trigger('click');
    await model.get('input[value="int8"]').setValue(true);
    await model.get('[data-testid="tflite-labels"]').setValue('digits');
    await model.get('[data-testid="tflite-input-shape"]').setValue('28x28x3');
    await model.get('[data-testid="tflite-input-type"]').setValue('uint8');
    await model.get('[data-testid="tflite-invert"]').setValue(true);
    await model.get('form').trigger('submit');
    expect(call).toHaveBeenCalledWith('exportTflite', { id: bundled.id, quantize: 'int8', labels: 'digits', inputShape: '28x28x3', inputType: 'uint8', invert: true, cArray: false });
    expect(model.text()).toContain('Converting and verifying');
    finish(result);
    await flushPromises();
    expect(downloads.map((d) => d.fileName)).toEqual(['digit-mlp-int8.tflite', 'digit-mlp-labels.txt']);
    expect(model.get('[data-testid="tflite-size"]').text()).toBe('30.0 KB');
    expect(model.get('[data-testid="tflite-verified"]').text()).toBe('verified');
    expect(model.get('[data-testid="tflite-result"]').text()).toMatch(/LiteRT\.js 2\.5\.3: test accuracy 97\.61 %.*99\.82 %/);
    expect(model.get('[data-testid="tflite-readme"]').text()).toContain('# digit-mlp-int8.tflite');
    expect(model.text()).not.toContain('Converting and verifying');
  });

  it('full-integer int8 defaults to int8 ends, offers them only for itself, and downloads the C array when asked', async () => {
    const result: TfliteExportResult = {
      model: { fileName: 'digit-mlp-int8-full.tflite', data: 'AAAA' },
      labels: { fileName: 'digit-mlp-int8-full.txt', data: 'MAox' },
      readme: { fileName: 'digit-mlp-int8-full.README.md', data: btoa('# digit-mlp-int8-full.tflite') },
      cArray: { source: { fileName: 'digit-mlp-int8-full.cc', data: 'AAAA' }, header: { fileName: 'digit-mlp-int8-full.h', data: 'AAAA' } },
      size: 275_000,
      verification: { runtime: 'LiteRT.js 2.5.3', accuracy: 0.9884, agreement: 0.999, maxDelta: 0.17, problem: null },
    };
    call.mockImplementation((method: string) => (method === 'exportTflite' ? Promise.resolve(result) : Promise.reject(new Error(method))));
    const page = mountPage();
    const model = card(page, 'Digit MLP (bundled)');
    await model.get('[data-testid="export-tflite-button"]').trigger('click');
    expect(model.find('[data-testid="tflite-input-type"] option[value="int8"]').exists()).toBe(false);
    await model.get('input[value="int8-full"]').setValue(true);
    expect((model.get('[data-testid="tflite-input-type"]').element as HTMLSelectElement).value).toBe('int8');
    await model.get('[data-testid="tflite-c-array"]').setValue(true);
    await model.get('form').trigger('submit');
    await flushPromises();
    expect(call).toHaveBeenCalledWith('exportTflite', { id: bundled.id, quantize: 'int8-full', labels: 'words', inputShape: '784', inputType: 'int8', invert: false, cArray: true });
    expect(downloads.map((d) => d.fileName)).toEqual(['digit-mlp-int8-full.tflite', 'digit-mlp-int8-full.txt', 'digit-mlp-int8-full.cc', 'digit-mlp-int8-full.h']);
  });

  it('saves as .h5 through a download, or says why it cannot', async () => {
    call.mockResolvedValueOnce({ fileName: 'digit-mlp.h5', data: 'SERG' });
    const page = mountPage();
    const model = card(page, 'Digit MLP (bundled)');
    await model.get('[data-testid="save-h5-button"]').trigger('click');
    await flushPromises();
    expect(call).toHaveBeenCalledWith('downloadModel', { id: bundled.id, format: 'h5' });
    expect(downloads).toEqual([{ fileName: 'digit-mlp.h5', data: 'SERG' }]);

    call.mockRejectedValueOnce(new Error('saving as Keras .h5 is not available in this build'));
    await model.get('[data-testid="save-h5-button"]').trigger('click');
    await flushPromises();
    expect(model.get('[role="alert"]').text()).toBe('saving as Keras .h5 is not available in this build');
  });

  it('deletes a saved model only after the confirm step', async () => {
    library = [bundled, imported];
    call.mockImplementation(async (method: string) => {
      if (method === 'deleteModel') {
        library = [bundled];
        return { deleted: true };
      }
      if (method === 'listModels') return library;
      if (method === 'listDamagedModels') return damaged;
      throw new Error(`unexpected ${method}`);
    });
    const page = mountPage();
    await card(page, 'keras-reference').get('[data-testid="delete-button"]').trigger('click');
    expect(call).not.toHaveBeenCalledWith('deleteModel', expect.anything());
    expect(document.activeElement?.textContent?.trim()).toBe('Delete');
    await card(page, 'keras-reference').get('[data-testid="confirm-delete"]').trigger('click');
    await flushPromises();
    expect(call).toHaveBeenCalledWith('deleteModel', { id: imported.id });
    expect(page.findAll('[data-testid="model-card"]')).toHaveLength(1);
  });

  it('shows damaged entries with the reason, and removes one only after the confirm step', async () => {
    damaged = [
      { folder: 'run-20260101000000-aaaaaa', path: '/u/models/run-20260101000000-aaaaaa', reason: 'meta.json: createdAt: Invalid input: expected string, received number' },
      { folder: 'import-abc copy', path: '/u/models/import-abc copy', reason: "a copy of model import-abc (its meta.json names that model's folder)" },
    ];
    call.mockImplementation(async (method: string, request: { folder?: string }) => {
      if (method === 'removeDamagedModel') {
        damaged = damaged.filter((d) => d.folder !== request.folder);
        return { removed: true };
      }
      if (method === 'listModels') return library;
      if (method === 'listDamagedModels') return damaged;
      throw new Error(`unexpected ${method}`);
    });
    const page = mountPage();
    const cards = page.findAll('[data-testid="damaged-model"]');
    expect(cards.map((c) => c.find('h3').text())).toEqual(['run-20260101000000-aaaaaa', 'import-abc copy']);
    expect(cards[0].get('[data-testid="damaged-reason"]').text()).toBe('meta.json: createdAt: Invalid input: expected string, received number');
    expect(cards[1].text()).toContain('/u/models/import-abc copy');
    // The usable models are listed as before.
    expect(page.findAll('[data-testid="model-card"]')).toHaveLength(1);

    await cards[1].get('[data-testid="remove-damaged-button"]').trigger('click');
    expect(call).not.toHaveBeenCalledWith('removeDamagedModel', expect.anything());
    expect(document.activeElement?.textContent?.trim()).toBe('Remove');
    await cards[1].get('[data-testid="confirm-remove-damaged"]').trigger('click');
    await flushPromises();
    expect(call).toHaveBeenCalledWith('removeDamagedModel', { folder: 'import-abc copy' });
    expect(page.findAll('[data-testid="damaged-model"]').map((c) => c.find('h3').text())).toEqual(['run-20260101000000-aaaaaa']);
  });

  it('says why a damaged entry could not be removed', async () => {
    damaged = [{ folder: 'notes.txt', path: '/u/models/notes.txt', reason: 'not a model folder' }];
    call.mockRejectedValueOnce(new Error('notes.txt is not in the model library'));
    const page = mountPage();
    const card = page.get('[data-testid="damaged-model"]');
    await card.get('[data-testid="remove-damaged-button"]').trigger('click');
    await card.get('[data-testid="confirm-remove-damaged"]').trigger('click');
    await flushPromises();
    expect(card.get('[role="alert"]').text()).toBe('notes.txt is not in the model library');
  });
});
