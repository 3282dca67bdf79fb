/**
 * How a layer's weights are spread, in nine numbers: the quantiles a box plot draws (min, 5 %, 25 %, median, 75 %,
 * 95 %, max) with the mean and standard deviation. Recorded per Conv2D and Dense layer at every epoch end, so the run
 * history shows how the distributions moved over the run at a few hundred bytes per epoch; and the same turned into
 * one line per statistic over the epochs, as the Network page draws them. Pure, tested in Node.
 */
import type { LayerModel } from '../api/layer-model';
import { WEIGHT_STAT_NAMES, type LayerWeightStats, type WeightStatName, type WeightStatsRow } from '../api/run-history';

/** The quantiles among WEIGHT_STAT_NAMES, in their order (min and max are the 0 and 1 quantiles). */
const QUANTILES = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];

/** Four significant digits: far finer than a chart shows, and it keeps a run's file small. */
const rounded = (value: number): number => Number(value.toPrecision(4));

/** The q-quantile of ascending values, interpolating linearly between the two nearest (NumPy's default). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/** The nine numbers of WEIGHT_STAT_NAMES for some values (none: all zero); the standard deviation is the population one. */
export function weightStats(values: ArrayLike<number>): number[] {
  if (values.length === 0) return WEIGHT_STAT_NAMES.map(() => 0);
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  const mean = sum / sorted.length;
  let squares = 0;
  for (const value of sorted) squares += (value - mean) ** 2;
  return [...QUANTILES.map((q) => quantile(sorted, q)), mean, Math.sqrt(squares / sorted.length)].map(rounded);
}

/** Every Conv2D and Dense layer's kernel and bias statistics, in layer order (the weights list's order). */
export function modelWeightStats({ layers, weights }: LayerModel): LayerWeightStats[] {
  const weighted = layers.filter((layer) => layer.type === 'Conv2D' || layer.type === 'Dense');
  return weighted.map((layer, i) => ({
    name: layer.name,
    kernel: weightStats(weights[i].kernel),
    bias: layer.useBias === false ? null : weightStats(weights[i].bias),
  }));
}

/** One statistic's value at each of `epochs`, per statistic: the lines of a chart over the run. */
export interface StatLines {
  epochs: number[];
  values: Record<WeightStatName, number[]>;
}

export interface LayerStatLines {
  name: string;
  kernel: StatLines;
  /** Null for a layer without bias. */
  bias: StatLines | null;
}

function statLines(rows: ReadonlyArray<{ epoch: number; stats: number[] }>): StatLines {
  const values = Object.fromEntries(WEIGHT_STAT_NAMES.map((name, i) => [name, rows.map((row) => row.stats[i])])) as StatLines['values'];
  return { epochs: rows.map((row) => row.epoch), values };
}

/**
 * A run's recorded statistics (a row per epoch end, a layer list per row) as lines per layer, in the first row's layer
 * order; an epoch whose row lacks a layer (none should) is left out of that layer's lines.
 */
export function weightStatLines(rows: readonly WeightStatsRow[]): LayerStatLines[] {
  return (rows[0]?.layers ?? []).map(({ name, bias }) => {
    const points = rows.flatMap(({ epoch, layers }) => layers.filter((layer) => layer.name === name).map((layer) => ({ epoch, layer })));
    return {
      name,
      kernel: statLines(points.map(({ epoch, layer }) => ({ epoch, stats: layer.kernel }))),
      bias: bias === null ? null : statLines(points.flatMap(({ epoch, layer }) => (layer.bias ? [{ epoch, stats: layer.bias }] : []))),
    };
  });
}
