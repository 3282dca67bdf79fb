// @vitest-environment happy-dom
/**
 * The Network page on hand-made models whose pictures are known: Keras' summary rows, the first layer's tiles (a
 * Dense layer's 28×28 per unit, a Conv2D layer's 3×3 per filter) coloured by sign, the weight histograms, and every
 * layer's activations for the Draw page's drawing.
 */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, KeepAlive, ref } from 'vue';
import type { ModelEntry } from '../../../src/core/api/contract';
import { denseLayers, type LayerModel, type LayerSpec } from '../../../src/core/api/layer-model';
import { mlpSpec } from '../../../src/core/api/model-spec';
import { encodeModel } from '../../../src/core/api/model-weights';
import { layerFacts } from '../../helpers/model-facts';

const { call } = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../../../src/renderer/src/api/client', () => ({
  api: { call, onEvent: () => () => undefined },
  messageOf: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}));
// echarts needs a real canvas; the stub keeps the option it was given.
vi.mock('vue-echarts', () => ({
  default: defineComponent({ name: 'VChart', props: { option: { type: Object, default: null } }, setup: () => () => h('div', { class: 'chart-stub' }) }),
}));

import NetworkPage from '../../../src/renderer/src/network/NetworkPage.vue';
import { useDrawnDigitStore } from '../../../src/renderer/src/stores/drawnDigit';
import { useModelsStore } from '../../../src/renderer/src/stores/models';

const RED = [178, 24, 43, 255];
const BLUE = [33, 102, 172, 255];
const WHITE = [247, 247, 247, 255];

/**
 * 784 → 3 relu → 10 softmax. Unit 0 weighs only the centre pixel (14, 14), +1; unit 1 weighs the whole top row
 * −1; unit 2 has no weights at all.
 */
function handMadeMlp(): LayerModel {
  const kernel = new Float32Array(784 * 3);
  kernel[(14 * 28 + 14) * 3] = 1;
  for (let c = 0; c < 28; c++) kernel[c * 3 + 1] = -1;
  return {
    layers: denseLayers(mlpSpec([3])),
    weights: [
      { kernel, bias: Float32Array.from([0.5, -0.5, 0]) },
      { kernel: Float32Array.from({ length: 30 }, (_, i) => i), bias: new Float32Array(10) },
    ],
  };
}

/** Conv2D 2 filters 3×3 → MaxPooling2D → Flatten → Dense 10 without bias. Filter 0: +2 top left, −1 bottom right; filter 1: +1 in the middle. */
function handMadeCnn(): LayerModel {
  const layers: LayerSpec[] = [
    { type: 'InputLayer', name: 'input_layer', shape: [28, 28, 1] },
    { type: 'Conv2D', name: 'conv2d', filters: 2, kernelSize: [3, 3], padding: 'valid', activation: 'relu' },
    { type: 'MaxPooling2D', name: 'max_pooling2d', poolSize: [2, 2], strides: [2, 2], padding: 'valid' },
    { type: 'Flatten', name: 'flatten' },
    { type: 'Dense', name: 'dense', units: 10, activation: 'softmax', useBias: false },
  ];
  // [3, 3, 1, 2]: per pixel, filter 0's weight then filter 1's.
  const kernel = new Float32Array(18);
  kernel[0] = 2;
  kernel[8 * 2] = -1;
  kernel[4 * 2 + 1] = 1;
  return { layers, weights: [{ kernel, bias: new Float32Array(2) }, { kernel: new Float32Array(13 * 13 * 2 * 10), bias: new Float32Array(10) }] };
}

const MODELS: Record<string, LayerModel> = { mlp: handMadeMlp(), cnn: handMadeCnn() };
const entry = (id: string): ModelEntry => ({
  id, name: id.toUpperCase(), source: 'trained', createdAt: '', testAccuracy: null, ...layerFacts(MODELS[id].layers), config: null, backend: null, path: `/models/${id}`,
});

/** An image put on a canvas, and where (CSS pixels). */
interface Put { image: { width: number; height: number; data: Uint8ClampedArray }; x: number; y: number }
/** What each canvas got from putImageData since it was last cleared, in order, by canvas. */
let painted: Map<HTMLCanvasElement, Put[]>;
let wrapper: VueWrapper;

/** A 2D context that notes what is put on `canvas`. */
function contextOf(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  return {
    canvas,
    fillStyle: '',
    fillRect: () => undefined,
    clearRect: () => painted.set(canvas, []),
    createImageData: (width: number, height: number) => ({ width, height, data: new Uint8ClampedArray(4 * width * height) }),
    putImageData(image: Put['image'], x = 0, y = 0) {
      painted.set(canvas, [...(painted.get(canvas) ?? []), { image, x, y }]);
    },
  } as unknown as CanvasRenderingContext2D;
}

beforeEach(() => {
  setActivePinia(createPinia());
  painted = new Map();
  // Every chart counts as seen (frames.ts useSeen makes it in its own frame without an observer).
  vi.stubGlobal('IntersectionObserver', undefined);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    return contextOf(this);
  });
  call.mockReset();
  call.mockImplementation(async (method: string, request: { id?: string }) => {
    if (method === 'listModels') return [entry('mlp'), entry('cnn')];
    if (method === 'listDamagedModels') return [];
    if (method === 'getModel') return encodeModel(request.id!, MODELS[request.id!]);
    throw new Error(`unexpected ${method}`);
  });
});
afterEach(() => {
  wrapper?.unmount();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** The page shows its parts and makes its charts one per animation frame (frames.ts): enough frames for all of these models'. */
async function allShown(): Promise<void> {
  await flushPromises();
  for (let frame = 0; frame < 10; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  await flushPromises();
}

async function mountPage(): Promise<VueWrapper> {
  await useModelsStore().connect();
  wrapper = mount(NetworkPage, { attachTo: document.body });
  await allShown();
  return wrapper;
}

/** A drawing of one lit pixel at (row, column). */
function onePixel(row: number, column: number): Float32Array {
  const input = new Float32Array(784);
  input[row * 28 + column] = 1;
  return input;
}

async function choose(page: VueWrapper, id: string): Promise<void> {
  await page.get('[data-testid="model-select"]').setValue(id);
  await allShown();
}

const layerIds = (page: VueWrapper): string[] => page.findAll('[data-testid="layer-activations"]').map((f) => f.attributes('data-layer')!);
/** Bar heights in % of one layer's activation bars. */
const barHeights = (page: VueWrapper, layer: string): number[] =>
  page.findAll(`[data-testid="layer-activations"][data-layer="${layer}"] [data-testid="activation-bar"]`).map((bar) => parseFloat((bar.element as HTMLElement).style.height));
const summaryRows = (page: VueWrapper): string[][] =>
  page.get('[data-testid="layer-summary-table"]').findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()));
const FIRST_LAYER = '[data-testid="first-layer-tiles"]';
/** The images put on a tile grid's one canvas, in the order drawn: tile by tile. */
const gridPuts = (page: VueWrapper, figure = FIRST_LAYER): Put[] => painted.get(page.get(`${figure} [data-testid="tile-grid"]`).element as HTMLCanvasElement) ?? [];
/** The RGBA of value (row, column) of tile `index` as drawn, in the first layer's tiles or a layer's activation maps. */
function tilePixel(page: VueWrapper, index: number, row: number, column: number, figure = FIRST_LAYER): number[] {
  const grid = page.get(`${figure} .tiles`);
  const { image } = gridPuts(page, figure)[index];
  const side = image.width / Number(grid.attributes('data-tile-width'));
  const at = 4 * (row * side * image.width + column * side);
  return [...image.data.subarray(at, at + 4)];
}
/** The grid canvas' tooltip with the pointer at (x, y) CSS pixels of it. */
async function titleAt(page: VueWrapper, x: number, y: number, figure = FIRST_LAYER): Promise<string | undefined> {
  const canvas = page.get(`${figure} [data-testid="tile-grid"]`);
  await canvas.trigger('pointermove', { clientX: x, clientY: y });
  return canvas.attributes('title');
}
type BarOption = { series: Array<{ data: number[] }>; xAxis: { data: string[] } };
const histogramData = (page: VueWrapper, layer: string, part: 'kernel' | 'bias'): number[] =>
  (page.get(`[data-testid="layer-histograms"][data-layer="${layer}"] [data-testid="${part}-histogram"]`).findComponent({ name: 'VChart' }).props('option') as BarOption).series[0].data;

describe('NetworkPage', () => {
  it("shows an MLP's summary as Keras prints it: 784·3+3 and 3·10+10 parameters", async () => {
    const page = await mountPage();
    expect(summaryRows(page)).toEqual([
      ['dense (Dense)', '(None, 3)', '2,355'],
      ['dense_1 (Dense)', '(None, 10)', '40'],
    ]);
    expect(page.get('[data-testid="layer-total"]').text()).toBe('2,395');
  });

  it("draws an MLP's first layer as one 28×28 tile per unit, red where a weight is positive, blue where negative", async () => {
    const page = await mountPage();
    const figure = page.get('[data-testid="first-layer-tiles"]');
    expect(figure.attributes('data-layer')).toBe('dense');
    expect(figure.attributes('data-tiles')).toBe('3');
    // One canvas: each weight a 2×2 square, each 56 px tile in a 1 px frame, 4 px apart, left to right.
    expect(gridPuts(page).map(({ image, x, y }) => [image.width, image.height, x, y])).toEqual([
      [56, 56, 1, 1],
      [56, 56, 63, 1],
      [56, 56, 125, 1],
    ]);
    const grid = page.get('[data-testid="first-layer-tiles"] [data-testid="tile-grid"]');
    expect([grid.attributes('width'), grid.attributes('height')]).toEqual([String(3 * 58 + 2 * 4), '58']);
    expect(await titleAt(page, 62 + 30, 30)).toBe('unit 1');
    expect(await titleAt(page, 124 + 57, 57)).toBe('unit 2');
    // Over the gap between two tiles, no tooltip.
    expect(await titleAt(page, 60, 30)).toBeUndefined();
    expect(tilePixel(page, 0, 14, 14)).toEqual(RED);
    expect(tilePixel(page, 0, 14, 15)).toEqual(WHITE);
    expect(tilePixel(page, 1, 0, 27)).toEqual(BLUE);
    expect(tilePixel(page, 1, 1, 0)).toEqual(WHITE);
    expect(tilePixel(page, 2, 5, 5)).toEqual(WHITE);
  });

  it("histograms every layer's weights and biases in 40 bins, every value counted once", async () => {
    const page = await mountPage();
    const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
    expect(page.findAll('[data-testid="layer-histograms"]').map((f) => f.attributes('data-layer'))).toEqual(['dense', 'dense_1']);
    const kernel = histogramData(page, 'dense', 'kernel');
    expect(kernel).toHaveLength(40);
    expect(sum(kernel)).toBe(784 * 3);
    // The weights are −1 (28 of them), 0 and +1 (one): the first bin holds the −1s, the last the +1.
    expect([kernel[0], kernel[39]]).toEqual([28, 1]);
    expect(sum(histogramData(page, 'dense', 'bias'))).toBe(3);
    expect(sum(histogramData(page, 'dense_1', 'kernel'))).toBe(30);
  });

  it("switches to a CNN: its summary, its first Conv2D's 3×3 filters, and no bias histogram for a layer without bias", async () => {
    const page = await mountPage();
    await choose(page, 'cnn');
    expect(summaryRows(page)).toEqual([
      ['conv2d (Conv2D)', '(None, 26, 26, 2)', '20'],
      ['max_pooling2d (MaxPooling2D)', '(None, 13, 13, 2)', '0'],
      ['flatten (Flatten)', '(None, 338)', '0'],
      ['dense (Dense)', '(None, 10)', '3,380'],
    ]);
    expect(page.get('[data-testid="layer-total"]').text()).toBe('3,400');
    // 18 CSS pixels per weight: 54 px a tile, in a 1 px frame, 4 px apart.
    expect(gridPuts(page).map(({ image, x, y }) => [image.width, image.height, x, y])).toEqual([
      [54, 54, 1, 1],
      [54, 54, 61, 1],
    ]);
    expect(await titleAt(page, 70, 10)).toBe('filter 1');
    expect(tilePixel(page, 0, 0, 0)).toEqual(RED);
    // −1 against filter 0's largest |weight| 2: half way from white to blue, rounded.
    expect(tilePixel(page, 0, 2, 2)).toEqual([140, 175, 210, 255]);
    expect(tilePixel(page, 0, 1, 1)).toEqual(WHITE);
    expect(tilePixel(page, 1, 1, 1)).toEqual(RED);
    expect(tilePixel(page, 1, 0, 0)).toEqual(WHITE);
    const dense = page.get('[data-testid="layer-histograms"][data-layer="dense"] [data-testid="bias-histogram"]');
    expect(dense.text()).toBe('no bias');
  });

  it("shows an MLP's activations for the drawing as bars: unit by unit, then the 10 digits' probabilities", async () => {
    // The centre pixel lit: unit 0 = relu(1 + 0.5) = 1.5, unit 1 = relu(−0.5) = 0, unit 2 = 0; the output's logit j
    // is 1.5 · j (dense_1's kernel row 0 is 0..9), so digit 9 leads and digit 8 has e^−1.5 of its probability.
    useDrawnDigitStore().input = onePixel(14, 14);
    const page = await mountPage();
    expect(layerIds(page)).toEqual(['dense', 'dense_1']);
    expect(barHeights(page, 'dense')).toEqual([100, 0, 0]);
    const output = barHeights(page, 'dense_1');
    expect(output).toHaveLength(10);
    expect(output[9]).toBe(100);
    expect(output[8]).toBeCloseTo(100 * Math.exp(-1.5), 4);
    expect(page.get('[data-layer="dense_1"] [data-testid="activation-bars"]').text()).toBe('0123456789');
  });

  it("shows a CNN's activations for the drawing as feature maps, one per channel, on the layer's scale", async () => {
    // The top-left pixel lit: only filter 0's +2 (its top-left weight) sees it, at output (0, 0); max pooling keeps it.
    useDrawnDigitStore().input = onePixel(0, 0);
    const page = await mountPage();
    await choose(page, 'cnn');
    expect(layerIds(page)).toEqual(['conv2d', 'max_pooling2d', 'dense']);
    const conv = '[data-testid="layer-activations"][data-layer="conv2d"]';
    const maps = (figure: string): string[] => ['data-tiles', 'data-tile-width', 'data-tile-height'].map((a) => page.get(`${figure} .tiles`).attributes(a)!);
    expect(maps(conv)).toEqual(['2', '26', '26']);
    expect(await titleAt(page, 5, 5, conv)).toBe('conv2d channel 0');
    expect(tilePixel(page, 0, 0, 0, conv)).toEqual(RED);
    expect(tilePixel(page, 0, 0, 1, conv)).toEqual(WHITE);
    expect(tilePixel(page, 1, 0, 0, conv)).toEqual(WHITE);
    const pool = '[data-testid="layer-activations"][data-layer="max_pooling2d"]';
    expect(maps(pool)).toEqual(['2', '13', '13']);
    expect(tilePixel(page, 0, 0, 0, pool)).toEqual(RED);
    // Zero weights and no bias: every digit equally likely.
    expect(barHeights(page, 'dense')).toEqual(new Array(10).fill(100));
  });

  it('shows the drawing as it was when the page was opened, and the new one when it is opened again', async () => {
    const drawn = useDrawnDigitStore();
    drawn.input = onePixel(14, 14);
    await useModelsStore().connect();
    // The app keeps hidden pages alive: here the other page is a plain paragraph.
    const shown = ref(true);
    wrapper = mount(KeepAlive, { slots: { default: () => (shown.value ? h(NetworkPage) : h('p', 'another page')) }, attachTo: document.body });
    await allShown();
    // Digit 8 against digit 9: e^−1.5 with unit 0 at 1.5 (the centre pixel lit), e^−0.5 with unit 0 at its bias 0.5.
    const eightOfNine = (): number => barHeights(wrapper, 'dense_1')[8];
    expect(eightOfNine()).toBeCloseTo(100 * Math.exp(-1.5), 4);
    shown.value = false;
    await allShown();
    drawn.input = onePixel(0, 3);
    await allShown();
    shown.value = true;
    await allShown();
    expect(eightOfNine()).toBeCloseTo(100 * Math.exp(-0.5), 4);
    // While shown, the page keeps the drawing it took (the Draw page is hidden then anyway).
    drawn.input = onePixel(14, 14);
    await allShown();
    expect(eightOfNine()).toBeCloseTo(100 * Math.exp(-0.5), 4);
  });

  it('asks for a drawing when the Draw page has none', async () => {
    const page = await mountPage();
    expect(page.find('[data-testid="drawing-activations"]').exists()).toBe(false);
    expect(page.get('[data-testid="no-drawing"]').text()).toContain('Draw a digit on the Draw page');
  });

  it('says there is nothing to show without models', async () => {
    call.mockImplementation(async (method: string) => (method === 'listModels' || method === 'listDamagedModels' ? [] : Promise.reject(new Error(method))));
    const page = await mountPage();
    expect(page.text()).toContain('No models yet');
    expect(page.find('[data-testid="first-layer-tiles"]').exists()).toBe(false);
    expect(page.find('[data-testid="layer-histograms"]').exists()).toBe(false);
  });
});
