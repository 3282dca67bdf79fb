/** The weight histograms' echarts option: one bar per bin, axis labels with the decimals that tell bins apart, the bin's range in the tooltip. */
import { describe, expect, it } from 'vitest';
import type { Histogram } from '../../../src/core/inference/weight-histogram';
import { histogramOption } from '../../../src/renderer/src/network/histogramOption';
import type { ChartColors } from '../../../src/renderer/src/train/chartTheme';

const COLORS: ChartColors = { text: '#000', muted: '#555', border: '#ccc', panel: '#fff', loss: '#00f', valLoss: '#f80', accuracy: '#0a0', valAccuracy: '#808' };

type Option = {
  xAxis: { data: string[] };
  series: Array<{ data: number[]; color: string }>;
  tooltip: { formatter: (params: Array<{ dataIndex: number; value: number }>) => string };
};

describe('histogramOption', () => {
  it('labels bins 0.04 wide with two decimals, a centre near zero as 0, and draws one bar per count', () => {
    // Bins from -0.1: centres -0.08, -0.04, -0.0 (rounded from 1e-17 or so), 0.04, 0.08.
    const bins: Histogram = { min: -0.1, binWidth: 0.04, counts: [1, 5, 9, 4, 0] };
    const option = histogramOption(bins, '#123456', COLORS) as unknown as Option;
    expect(option.xAxis.data).toEqual(['-0.08', '-0.04', '0', '0.04', '0.08']);
    expect(option.series).toHaveLength(1);
    expect(option.series[0].data).toEqual([1, 5, 9, 4, 0]);
    expect(option.series[0].color).toBe('#123456');
  });

  it("shows a bin's range with one decimal more and its count in the tooltip", () => {
    const option = histogramOption({ min: -0.1, binWidth: 0.04, counts: [1, 5, 9, 4, 0] }, '#123456', COLORS) as unknown as Option;
    expect(option.tooltip.formatter([{ dataIndex: 1, value: 5 }])).toBe('-0.06 … -0.02: 5');
  });

  it('labels bins 1 wide with one decimal (their middles are halves) and bins 10 wide without', () => {
    const ones = histogramOption({ min: -2, binWidth: 1, counts: [0, 3, 0, 0] }, '#123456', COLORS) as unknown as Option;
    expect(ones.xAxis.data).toEqual(['-1.5', '-0.5', '0.5', '1.5']);
    const tens = histogramOption({ min: -20, binWidth: 10, counts: [0, 3, 0, 0] }, '#123456', COLORS) as unknown as Option;
    expect(tens.xAxis.data).toEqual(['-15', '-5', '5', '15']);
  });
});
