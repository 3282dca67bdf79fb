/**
 * The Network page's first-layer images: hand-made kernels whose tiles are known, and the bundled models (an MLP's
 * 784→256 kernel as 256 tiles of 28×28, the Robust CNN's 32 filters of 3×3).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LayerModel, LayerSpec } from '../../../src/core/api/layer-model';
import { openModelFile } from '../../../src/core/formats/model-file';
import { firstLayerTiles, kernelTiles } from '../../../src/core/inference/first-layer-tiles';

const bundled = (name: string): Promise<LayerModel> => openModelFile(fileURLToPath(new URL(`../../../resources/models/${name}.json`, import.meta.url)));

describe('kernelTiles', () => {
  it('reads a [kh, kw, 1, out] kernel as one kh×kw tile per filter', () => {
    // Two 2×3 filters, interleaved as Keras stores them: each pixel holds filter 0's weight, then filter 1's.
    const filter0 = [1, 2, 3, 4, 5, 6];
    const filter1 = [-1, 0, 1, -2, 0, 2];
    const kernel = filter0.flatMap((w, pixel) => [w, filter1[pixel]]);
    expect(kernelTiles(kernel, [2, 3, 1, 2])).toEqual([Float32Array.from(filter0), Float32Array.from(filter1)]);
  });

  it('gives one tile per filter and input channel, filter by filter', () => {
    // [1, 1, 2, 2]: channel 0 (filter 0, filter 1), then channel 1 (filter 0, filter 1).
    expect(kernelTiles([1, 2, 3, 4], [1, 1, 2, 2]).map((tile) => [...tile])).toEqual([[1], [3], [2], [4]]);
  });

  it('refuses a kernel of the wrong size', () => {
    expect(() => kernelTiles([1, 2, 3], [2, 2, 1, 1])).toThrow('a [2, 2, 1, 1] kernel has 4 weights, not 3');
  });
});

describe('firstLayerTiles', () => {
  it("lays a Dense layer's weights from each of the 784 pixels out as a 28×28 image per unit", () => {
    // Unit 0 weighs pixel (row r, column c) by r, unit 1 by -c, unit 2 only the centre pixel (14, 14).
    const kernel = new Float32Array(784 * 3);
    for (let r = 0; r < 28; r++) {
      for (let c = 0; c < 28; c++) {
        kernel[(r * 28 + c) * 3] = r;
        kernel[(r * 28 + c) * 3 + 1] = -c;
      }
    }
    kernel[(14 * 28 + 14) * 3 + 2] = 1;
    const layers: LayerSpec[] = [
      { type: 'InputLayer', name: 'input_layer', shape: [28, 28] },
      { type: 'Flatten', name: 'flatten' },
      { type: 'Dense', name: 'dense', units: 3, activation: 'relu' },
    ];
    const tiles = firstLayerTiles({ layers, weights: [{ kernel, bias: new Float32Array(3) }] })!;
    expect(tiles).toMatchObject({ layerName: 'dense', layerType: 'Dense', height: 28, width: 28, channels: 1 });
    expect(tiles.tiles).toHaveLength(3);
    expect(tiles.tiles[0][5 * 28 + 9]).toBe(5);
    expect(tiles.tiles[1][5 * 28 + 9]).toBe(-9);
    expect(tiles.tiles[2].indexOf(1)).toBe(14 * 28 + 14);
    expect(tiles.tiles[2].reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('shows the bundled MLP as 256 tiles of 28×28 and the bundled CNN as 32 filters of 3×3', async () => {
    const mlp = firstLayerTiles(await bundled('digit-mlp'))!;
    expect(mlp).toMatchObject({ layerName: 'dense', layerType: 'Dense', height: 28, width: 28, channels: 1 });
    expect(mlp.tiles).toHaveLength(256);
    expect(mlp.tiles.every((tile) => tile.length === 784)).toBe(true);
    const cnn = firstLayerTiles(await bundled('digit-cnn'))!;
    expect(cnn).toMatchObject({ layerName: 'conv2d', layerType: 'Conv2D', height: 3, width: 3, channels: 1 });
    expect(cnn.tiles).toHaveLength(32);
    // A trained filter is not flat: it has positive and negative weights.
    expect(cnn.tiles.filter((tile) => tile.some((w) => w > 0) && tile.some((w) => w < 0)).length).toBeGreaterThan(16);
  });
});
