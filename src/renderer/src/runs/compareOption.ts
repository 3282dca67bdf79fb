/**
 * The comparison charts' echarts option: one colour per run, its training curve solid and its validation curve
 * dashed, per epoch of its History; or, per batch, one solid line per run of its downsampled per-batch curve against
 * the step. A run is named by the settings that differ between the compared runs.
 */
import type { HistoryRow, RunRecord } from '../../../core/api/run-history';
import { axisStyle, baseOption, fixedGrid, type ChartColors } from '../train/chartTheme';
import type { TrainChartOption } from '../train/echarts';
import { formatDate } from './columns';

export type CompareMetric = 'loss' | 'accuracy';
/** Per epoch (History, train and validation) or per batch (the run's `batches` curve, training only). */
export type CompareView = 'epoch' | 'batch';

/** Six colours that read apart on light and dark backgrounds, one per compared run. */
export const RUN_COLORS = ['#2f6fed', '#e8590c', '#1f9d6b', '#ae3ec9', '#d6336c', '#0c8599'] as const;

/** A run's network in a few words: "layers 128-128 relu", or "cnn 32-64 3×3 dropout 0.5 relu". */
function networkWords(config: RunRecord['config']): string {
  const { cnn } = config;
  if (!cnn) return `layers ${config.hiddenUnits.join('-')} ${config.activation}`;
  const dense = cnn.denseUnits.length ? ` dense ${cnn.denseUnits.join('-')}` : '';
  return `cnn ${cnn.filters.join('-')} ${cnn.kernelSize}×${cnn.kernelSize}${dense} dropout ${cnn.dropout} ${cnn.activation}`;
}

/** The settings a run is told apart by, as "name value" words. */
function settingWords(run: RunRecord): string[] {
  const c = run.config;
  return [
    c.optimizer,
    `lr ${c.learningRate}`,
    `batch ${c.batchSize}`,
    networkWords(c),
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

/** Per run: its training curve (and validation curve per epoch) as [x, value] points. */
function runCurves(run: RunRecord, metric: CompareMetric, view: CompareView): Array<{ type: 'solid' | 'dashed'; data: Array<[number, number | null]> }> {
  if (view === 'batch') return [{ type: 'solid', data: run.batches.map((b) => [b.step, b[metric]]) }];
  const curve = (value: (row: HistoryRow) => number | null) => run.history.map((row): [number, number | null] => [row.epoch, value(row)]);
  return [{ type: 'solid', data: curve((row) => row[metric]) }, { type: 'dashed', data: curve((row) => row[`val_${metric}`]) }];
}

export function compareOption(runs: readonly RunRecord[], metric: CompareMetric, c: ChartColors, view: CompareView = 'epoch'): TrainChartOption {
  const labels = runLabels(runs);
  const names = view === 'batch' ? [metric] : [metric, `val_${metric}`];
  const series = runs.flatMap((run, i) =>
    // All curves of a run carry its name, so its legend entry shows and hides them together.
    runCurves(run, metric, view).map(({ type, data }) => ({
      name: labels[i],
      type: 'line' as const,
      color: RUN_COLORS[i % RUN_COLORS.length],
      lineStyle: { type },
      showSymbol: data.length <= 25,
      data,
    })),
  );
  const base = baseOption(c);
  const xName = view === 'batch' ? 'step' : 'epoch';
  const xRange = view === 'batch' ? { min: 0 } : { min: 1, max: (extent: { max: number }) => Math.max(extent.max, 2) };
  return {
    ...base,
    legend: { top: 0, type: 'scroll', textStyle: { color: c.text } },
    tooltip: {
      ...base.tooltip,
      formatter: (items: unknown) =>
        [`${xName} ${(items as TooltipItem[])[0]?.value[0]}`, ...(items as TooltipItem[]).map((p) => `${p.marker}${p.seriesName} ${names[p.seriesIndex % names.length]}: ${p.value[1]?.toFixed(4) ?? '—'}`)].join('<br>'),
    },
    grid: fixedGrid({ top: 40, bottom: 40, left: 56, right: 24 }),
    xAxis: { type: 'value', name: xName, nameLocation: 'middle', nameGap: 26, minInterval: 1, ...xRange, ...axisStyle(c) },
    yAxis: { type: 'value', name: metric, scale: true, ...(metric === 'accuracy' ? { max: 1 } : {}), ...axisStyle(c) },
    series,
  };
}
