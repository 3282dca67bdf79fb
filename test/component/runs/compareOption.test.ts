import { describe, expect, it } from 'vitest';
import { runLabels } from '../../../src/renderer/src/runs/compareOption';
import { formatDate } from '../../../src/renderer/src/runs/columns';
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
  });

  it('fall back to the start time when the settings are the same, and add it to a name two runs share', () => {
    const again = run(1, (r) => (r.startedAt = '2026-11-30T08:05:00.000Z'));
    expect(runLabels([run(1), again])).toEqual([formatDate(run(1).startedAt), formatDate(again.startedAt)]);
    expect(runLabels([run(1), again, run(2)])).toEqual([`lr 0.001 (${formatDate(run(1).startedAt)})`, `lr 0.001 (${formatDate(again.startedAt)})`, 'lr 0.002']);
  });
});
