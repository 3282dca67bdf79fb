/**
 * The comparison charts' echarts option: one colour per run, its training curve solid and its validation curve
 * dashed, per epoch of its History. A run is named by the settings that differ between the compared runs.
 */
import type { HistoryRow, RunRecord } from '../../../core/api/run-history';
import { axisStyle, baseOption, type ChartColors } from '../train/chartTheme';
import type { TrainChartOption } from '../train/echarts';
import { formatDate } from './columns';

export type CompareMetric = 'loss' | 'accuracy';

/** Six colours that read apart on light and dark backgrounds, one per compared run. */
export const RUN_COLORS = ['#2f6fed', '#e8590c', '#1f9d6b', '#ae3ec9', '#d6336c', '#0c8599'] as const;

/** The settings a run is told apart by, as "name value" words. */
function settingWords(run: RunRecord): string[] {
  const c = run.config;
  return [
    c.optimizer,
    `lr ${c.learningRate}`,
    `batch ${c.batchSize}`,
    `layers ${c.hiddenUnits.join('-')} ${c.activation}`,
    c.augment ? 'augmented' : 'not augmented',
    `${c.epochs} epochs`,
    `seed ${c.seed}`,
    run.backend ?? 'no backend',
  ];
}

/**
 * Legend names: the settings in which the runs differ ("lr 0.001", "lr 0.003"), or their start times when none
 * do; a name two runs would share gets the start time too.
 */
export function runLabels(runs: readonly RunRecord[]): string[] {
  const words = runs.map(settingWords);
  const differing = words[0]?.map((_, i) => words.some((w) => w[i] !== words[0][i])) ?? [];
  const labels = words.map((w, r) => w.filter((_, i) => differing[i]).join(' · ') || formatDate(runs[r].startedAt));
  return labels.map((label, r) => (labels.indexOf(label) !== labels.lastIndexOf(label) ? `${label} (${formatDate(runs[r].startedAt)})` : label));
}

interface TooltipItem {
  marker: string;
  seriesName: string;
  seriesIndex: number;
  value: [number, number | null];
}

export function compareOption(runs: readonly RunRecord[], metric: CompareMetric, c: ChartColors): TrainChartOption {
  const labels = runLabels(runs);
  const names = [metric, `val_${metric}`];
  const series = runs.flatMap((run, i) => {
    // Both curves of a run carry its name, so its legend entry shows and hides the pair.
    const line = (type: 'solid' | 'dashed', value: (row: HistoryRow) => number | null) => ({
      name: labels[i],
      type: 'line' as const,
      color: RUN_COLORS[i % RUN_COLORS.length],
      lineStyle: { type },
      showSymbol: run.history.length <= 25,
      data: run.history.map((row) => [row.epoch, value(row)]),
    });
    return [line('solid', (row) => row[metric]), line('dashed', (row) => row[`val_${metric}`])];
  });
  const base = baseOption(c);
  return {
    ...base,
    legend: { top: 0, type: 'scroll', textStyle: { color: c.text } },
    tooltip: {
      ...base.tooltip,
      formatter: (items: unknown) =>
        [`epoch ${(items as TooltipItem[])[0]?.value[0]}`, ...(items as TooltipItem[]).map((p) => `${p.marker}${p.seriesName} ${names[p.seriesIndex % 2]}: ${p.value[1]?.toFixed(4) ?? '—'}`)].join('<br>'),
    },
    grid: { top: 40, bottom: 40, left: 56, right: 24 },
    xAxis: { type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 26, minInterval: 1, min: 1, max: (extent: { max: number }) => Math.max(extent.max, 2), ...axisStyle(c) },
    yAxis: { type: 'value', name: metric, scale: true, ...(metric === 'accuracy' ? { max: 1 } : {}), ...axisStyle(c) },
    series,
  };
}
