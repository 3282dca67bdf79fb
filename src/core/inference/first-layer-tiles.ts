/**
 * What the first layer looks for in the image: each unit's (or filter's) weights laid out as the pixels they
 * multiply. A Dense layer on the 784 inputs gives one 28×28 tile per unit (its kernel is [784, units], the inputs
 * being the image row by row); a Conv2D layer gives one kh×kw tile per filter and input channel (its kernel is
 * [kh, kw, in, out]; a digit model's first Conv2D reads the image's one channel). Pure, so it is tested in Node.
 */
import { layerSummaries, type LayerModel } from '../api/layer-model';
import { INPUT_SIZE } from '../api/model-spec';

/** The side of the input image the 784 inputs are, row by row. */
const IMAGE_SIDE = Math.sqrt(INPUT_SIZE);

export interface FirstLayerTiles {
  layerName: string;
  layerType: 'Dense' | 'Conv2D';
  /** Pixels per tile side. */
  height: number;
  width: number;
  /** Input channels the layer reads: tiles per unit (filter). */
  channels: number;
  /** One tile per unit (filter), and per input channel within it; height × width weights each, row-major. */
  tiles: Float32Array[];
}

/**
 * Splits a kernel laid out [height, width, channels, units] (row-major) into one row-major height × width tile per
 * unit and channel, unit by unit.
 */
export function kernelTiles(kernel: ArrayLike<number>, [height, width, channels, units]: readonly number[]): Float32Array[] {
  if (kernel.length !== height * width * channels * units) throw new Error(`a [${height}, ${width}, ${channels}, ${units}] kernel has ${height * width * channels * units} weights, not ${kernel.length}`);
  const tiles: Float32Array[] = [];
  for (let unit = 0; unit < units; unit++) {
    for (let channel = 0; channel < channels; channel++) {
      const tile = new Float32Array(height * width);
      for (let pixel = 0; pixel < height * width; pixel++) tile[pixel] = kernel[(pixel * channels + channel) * units + unit];
      tiles.push(tile);
    }
  }
  return tiles;
}

/** The tiles of the model's first Conv2D or Dense layer; null when its first such layer does not read the image. */
export function firstLayerTiles(model: LayerModel): FirstLayerTiles | null {
  const first = layerSummaries(model.layers).find((row) => row.layer.type === 'Conv2D' || row.layer.type === 'Dense');
  if (!first?.kernelShape) return null;
  const { layer, kernelShape } = first;
  const kernel = model.weights[0].kernel;
  if (layer.type === 'Conv2D') {
    const [height, width, channels] = kernelShape;
    return { layerName: layer.name, layerType: 'Conv2D', height, width, channels, tiles: kernelTiles(kernel, kernelShape) };
  }
  if (layer.type !== 'Dense' || kernelShape[0] !== INPUT_SIZE) return null;
  return { layerName: layer.name, layerType: 'Dense', height: IMAGE_SIDE, width: IMAGE_SIDE, channels: 1, tiles: kernelTiles(kernel, [IMAGE_SIDE, IMAGE_SIDE, 1, kernelShape[1]]) };
}
