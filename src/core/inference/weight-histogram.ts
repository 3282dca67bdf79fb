/**
 * A layer's weights (a kernel or a bias) counted into equal-width bins between their smallest and largest value,
 * as the Network page's histograms show them, for every Conv2D and Dense layer of a model. Pure, so it is tested
 * in Node.
 */
import type { LayerModel } from '../api/layer-model';

export interface Histogram {
  /** Left edge of the first bin: the smallest value. */
  min: number;
  /** Width of every bin. */
  binWidth: number;
  /** Values per bin; the last bin also holds the largest value. */
  counts: number[];
}

/** Bins per histogram on the Network page: fine enough to show a bell or a spike, coarse enough to read. */
export const HISTOGRAM_BINS = 40;

/**
 * `values` in `bins` equal bins from their minimum to their maximum. When all values are equal (a bias still at its
 * zero initialiser) the range is widened around them, by their size or by 1 for zeros, so the chart still has an
 * x axis and the values sit in the middle bin.
 */
export function histogram(values: ArrayLike<number>, bins = HISTOGRAM_BINS): Histogram {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    min = Math.min(min, values[i]);
    max = Math.max(max, values[i]);
  }
  if (values.length === 0) [min, max] = [-1, 1];
  else if (min === max) {
    const spread = Math.abs(min) || 1;
    [min, max] = [min - spread, max + spread];
  }
  const binWidth = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) counts[Math.min(bins - 1, Math.floor((values[i] - min) / binWidth))]++;
  return { min, binWidth, counts };
}

/** The value at the middle of each bin, for the chart's axis labels. */
export function binCentres({ min, binWidth, counts }: Histogram): number[] {
  return counts.map((_, i) => min + (i + 0.5) * binWidth);
}

/** The kernel and bias histograms of one Conv2D or Dense layer. */
export interface LayerHistograms {
  name: string;
  type: 'Conv2D' | 'Dense';
  kernel: Histogram;
  /** Null for a layer without bias (Keras' use_bias=False): its zeros are no parameters. */
  bias: Histogram | null;
}

/**
 * Every Conv2D and Dense layer's histograms, in layer order (the weights list's order), one layer per iteration: the
 * Network page spreads them over animation frames (an MLP's first layer alone has 200 K weights).
 */
export function* weightHistograms({ layers, weights }: LayerModel, bins = HISTOGRAM_BINS): Generator<LayerHistograms, void> {
  const weighted = layers.filter((layer) => layer.type === 'Conv2D' || layer.type === 'Dense');
  for (const [i, layer] of weighted.entries()) {
    yield {
      name: layer.name,
      type: layer.type,
      kernel: histogram(weights[i].kernel, bins),
      bias: layer.useBias === false ? null : histogram(weights[i].bias, bins),
    };
  }
}
