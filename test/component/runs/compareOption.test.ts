import { describe, expect, it } from 'vitest';
import { compareOption, runLabels } from '../../../src/renderer/src/runs/compareOption';
import { formatDate } from '../../../src/renderer/src/runs/columns';
import type { ChartColors } from '../../../src/renderer/src/train/chartTheme';
import { record, summary } from './fixtures';

const run = (n: number, change: (r: ReturnType<typeof record>) => void = () => undefined) => {
  const r = record(summary(n));
  change(r);
  return r;
};

describe('run labels of the comparison charts', () => {
  it('name each run by the settings in which the compared runs differ', () => {
    expect(runLabels([run(1), run(2)])).toEqual(['lr 0.001', 'lr 0.002']);
    const wider = run(1, (r) => (r.config = { ...r.config, hiddenUnits: [256, 256], batchSize: 32 }));
    expect(runLabels([run(1), wider])).toEqual(['batch 64 · layers 128-128 relu', 'batch 32 · layers 256-256 relu']);
    const cnn = run(1, (r) => (r.config = { ...r.config, cnn: { filters: [32, 64], kernelSize: 3, denseUnits: [], dropout: 0.5, activation: 'relu' } }));
    const denseCnn = run(1, (r) => (r.config = { ...r.config, cnn: { filters: [16], kernelSize: 5, denseUnits: [64], dropout: 0, activation: 'tanh' } }));
    expect(runLabels([run(1), cnn, denseCnn])).toEqual(['layers 128-128 relu', 'cnn 32-64 3×3 dropout 0.5 relu', 'cnn 16 5×5 dense 64 dropout 0 tanh']);
  });

  it('fall back to the start time when the settings are the same, and add it to a name two runs share', () => {
    const again = run(1, (r) => (r.startedAt = '2026-11-30T08:05:00.000Z'));
    expect(runLabels([run(1), again])).toEqual([formatDate(run(1).startedAt), formatDate(again.startedAt)]);
    expect(runLabels([run(1), again, run(2)])).toEqual([`lr 0.001 (${formatDate(run(1).startedAt)})`, `lr 0.001 (${formatDate(again.startedAt)})`, 'lr 0.002']);
  });
});

const LIGHT_COLORS: ChartColors = { text: '#000', muted: '#555', border: '#ccc', panel: '#fff', loss: '#00f', valLoss: '#f80', accuracy: '#0a0', valAccuracy: '#808' };
type Series = { name: string; color: string; lineStyle: { type: string }; data: Array<[number, number]> };
const optionOf = (...args: Parameters<typeof compareOption>) => compareOption(...args) as { series: Series[]; xAxis: { name: string } };

describe('per-batch comparison option', () => {
  it("has one solid line per run, its colour as per epoch, with the points' steps as x", () => {
    const runs = [run(1), run(3)];
    const epoch = optionOf(runs, 'loss', LIGHT_COLORS);
    for (const metric of ['loss', 'accuracy'] as const) {
      const option = optionOf(runs, metric, LIGHT_COLORS, 'batch');
      expect(option.xAxis.name).toBe('step');
      expect(option.series).toHaveLength(2);
      expect(option.series.map((s) => s.name)).toEqual(['lr 0.001', 'lr 0.003']);
      expect(option.series.map((s) => s.lineStyle.type)).toEqual(['solid', 'solid']);
      expect(option.series.map((s) => s.color)).toEqual([epoch.series[0].color, epoch.series[2].color]);
      option.series.forEach((s, i) => expect(s.data).toEqual(runs[i].batches.map((b) => [b.step, b[metric]])));
    }
    expect(optionOf(runs, 'loss', LIGHT_COLORS, 'batch').series[0].data.map(([x]) => x)).toEqual([10, 20, 30, 40]);
  });
});
