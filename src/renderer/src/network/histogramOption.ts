/**
 * A weight histogram's echarts option: one bar per bin, labelled by the bin's middle value; the tooltip gives the
 * bin's range (one decimal more) and count.
 */
import { binCentres, type Histogram } from '../../../core/inference/weight-histogram';
import { axisStyle, fixedGrid, type ChartColors } from '../train/chartTheme';
import type { HistogramOption } from './echarts';

/**
 * Decimals that tell the bins' middles apart, half a bin from their edges (0.04 wide: 2; 1 wide: 1, for 0.5), so
 * labels read -0.37, 0.05 rather than 0.0043.
 */
const decimalsFor = (binWidth: number): number => Math.min(6, Math.max(0, Math.ceil(-Math.log10(binWidth / 2))));
/** Through Number, so that a rounded -0.00 reads 0. */
const formatWeight = (value: number, decimals: number): string => Number(value.toFixed(decimals)).toString();

export function histogramOption(bins: Histogram, color: string, c: ChartColors): HistogramOption {
  const { min, binWidth } = bins;
  const decimals = decimalsFor(binWidth);
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: c.text },
    grid: fixedGrid({ left: 44, right: 8, top: 8, bottom: 24 }),
    tooltip: {
      trigger: 'axis',
      backgroundColor: c.panel,
      borderColor: c.border,
      textStyle: { color: c.text },
      formatter: (params) => {
        const [{ dataIndex, value }] = params as Array<{ dataIndex: number; value: number }>;
        const from = min + dataIndex * binWidth;
        return `${formatWeight(from, decimals + 1)} … ${formatWeight(from + binWidth, decimals + 1)}: ${value}`;
      },
    },
    xAxis: { type: 'category', data: binCentres(bins).map((centre) => formatWeight(centre, decimals)), ...axisStyle(c), splitLine: { show: false } },
    yAxis: { type: 'value', minInterval: 1, ...axisStyle(c) },
    series: [{ type: 'bar', data: bins.counts, color, barCategoryGap: '10%' }],
  };
}
