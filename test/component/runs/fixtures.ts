/** Runs as the backend reports them, for the Runs page tests. */
import type { BatchPoint, HistoryRow, RunRecord, RunSummary } from '../../../src/core/api/run-history';
import { RECOMMENDED } from '../../../src/core/api/train-config';

export function summary(n: number, overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    id: `run-${n}`,
    startedAt: `2026-11-${String(10 + n).padStart(2, '0')}T10:00:00.000Z`,
    status: 'completed',
    layers: '784 → 128 relu → 128 relu → 10 softmax',
    optimizer: 'adam',
    learningRate: 0.001 * n,
    batchSize: 64,
    epochsPlanned: 2,
    epochsCompleted: 2,
    augment: false,
    bestValAccuracy: 0.9 + n / 100,
    bestEpoch: 2,
    testAccuracy: 0.9 + n / 100,
    durationSeconds: 10 * n,
    backend: 'engine',
    modelId: `model-${n}`,
    ...overrides,
  };
}

const row = (epoch: number): HistoryRow => ({ epoch, loss: 1 / epoch, accuracy: 0.9, val_loss: 1.1 / epoch, val_accuracy: 0.88, seconds: 1 });

/** Two downsampled batch points per epoch, 10 steps apart. */
const batch = (i: number): BatchPoint => ({ step: 10 * (i + 1), epoch: Math.floor(i / 2) + 1, loss: 1 / (i + 1), accuracy: 0.5 + i / 100 });

export function record(run: RunSummary): RunRecord {
  return {
    id: run.id,
    startedAt: run.startedAt,
    endedAt: run.startedAt,
    status: run.status,
    reason: null,
    config: { ...RECOMMENDED, learningRate: run.learningRate, epochs: run.epochsPlanned },
    backend: run.backend,
    threads: 1,
    layers: run.layers,
    history: Array.from({ length: run.epochsCompleted }, (_, i) => row(i + 1)),
    batches: Array.from({ length: 2 * run.epochsCompleted }, (_, i) => batch(i)),
    test: run.testAccuracy === null ? null : { loss: 0.3, accuracy: run.testAccuracy },
    modelId: run.modelId,
    durationSeconds: run.durationSeconds,
  };
}
