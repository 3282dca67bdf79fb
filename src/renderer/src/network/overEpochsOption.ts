/**
 * How a layer's weights (or biases) moved over a run, as an echarts option: over the epochs, the median as a line,
 * the middle half (25–75 %) as a dark band, 90 % of the values (5–95 %) as a light one, min and max dashed. The bands
 * are stacked areas (a transparent base, then the band's height), stacked whatever the signs, as weights straddle 0.
 * The tooltip gives the recorded numbers themselves.
 */
import type { LineSeriesOption } from 'echarts/charts';
import { WEIGHT_STAT_NAMES, type WeightStatName } from '../../../core/api/run-history';
import type { StatLines } from '../../../core/inference/weight-stats';
import { axisStyle, fixedGrid, type ChartColors } from '../train/chartTheme';
import type { OverEpochsOption } from './echarts';

const LABELS: Record<WeightStatName, string> = { min: 'min', p5: '5 %', p25: '25 %', median: 'median', p75: '75 %', p95: '95 %', max: 'max', mean: 'mean', std: 'std' };

function band(name: string, low: number[], high: number[], color: string, opacity: number): LineSeriesOption[] {
  const common = { type: 'line', stack: name, stackStrategy: 'all', symbol: 'none', silent: true, lineStyle: { opacity: 0 } } as const;
  return [
    { ...common, name: `${name} base`, data: low },
    { ...common, name, data: high.map((value, i) => value - low[i]), areaStyle: { color, opacity } },
  ];
}

function line(name: string, data: number[], color: string, dashed: boolean): LineSeriesOption {
  return { type: 'line', name, data, color, symbol: 'none', lineStyle: { width: dashed ? 1 : 2, type: dashed ? 'dashed' : 'solid' } };
}

export function overEpochsOption({ epochs, values }: StatLines, color: string, c: ChartColors): OverEpochsOption {
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: c.text },
    grid: fixedGrid({ left: 52, right: 8, top: 8, bottom: 28 }),
    tooltip: {
      trigger: 'axis',
      backgroundColor: c.panel,
      borderColor: c.border,
      textStyle: { color: c.text },
      formatter: (params) => {
        const [{ dataIndex }] = params as Array<{ dataIndex: number }>;
        const rows = WEIGHT_STAT_NAMES.map((name) => `${LABELS[name]}: ${values[name][dataIndex]}`);
        return [epochs[dataIndex] === 0 ? 'initial weights' : `epoch ${epochs[dataIndex]}`, ...rows].join('<br>');
      },
    },
    xAxis: { type: 'category', name: 'epoch', nameLocation: 'middle', nameGap: 20, data: epochs.map(String), boundaryGap: false, ...axisStyle(c), splitLine: { show: false } },
    yAxis: { type: 'value', scale: true, ...axisStyle(c) },
    series: [
      ...band('5–95 %', values.p5, values.p95, color, 0.18),
      ...band('25–75 %', values.p25, values.p75, color, 0.35),
      line('median', values.median, color, false),
      line('min', values.min, c.muted, true),
      line('max', values.max, c.muted, true),
    ],
  };
}
