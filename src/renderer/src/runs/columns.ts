/** The Runs table's columns as data: heading, how a run reads in the cell, and what sorting compares. */
import type { RunSummary } from '../../../core/api/run-history';
import { formatDuration, formatPercent } from '../train/format';

export interface RunColumn {
  key: string;
  label: string;
  cell: (run: RunSummary) => string;
  /** null sorts last whatever the direction (a run with no score yet). */
  sortValue: (run: RunSummary) => number | string | null;
  numeric?: boolean;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "2026-11-25 15:59", local time. Plain string work: toLocaleString's first call costs tens of ms. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const percentOrDash = (value: number | null): string => (value === null ? '—' : formatPercent(value));

export const RUN_COLUMNS: readonly RunColumn[] = [
  { key: 'date', label: 'Date', cell: (r) => formatDate(r.startedAt), sortValue: (r) => r.startedAt },
  { key: 'layers', label: 'Layers', cell: (r) => r.layers, sortValue: (r) => r.layers },
  { key: 'optimizer', label: 'Optimizer', cell: (r) => r.optimizer, sortValue: (r) => r.optimizer },
  { key: 'learningRate', label: 'lr', cell: (r) => String(r.learningRate), sortValue: (r) => r.learningRate, numeric: true },
  { key: 'batchSize', label: 'Batch', cell: (r) => String(r.batchSize), sortValue: (r) => r.batchSize, numeric: true },
  { key: 'epochs', label: 'Epochs', cell: (r) => `${r.epochsCompleted} / ${r.epochsPlanned}`, sortValue: (r) => r.epochsCompleted, numeric: true },
  { key: 'augment', label: 'Augment', cell: (r) => (r.augment ? 'yes' : 'no'), sortValue: (r) => Number(r.augment) },
  {
    key: 'bestValAccuracy',
    label: 'Best val_accuracy',
    cell: (r) => (r.bestValAccuracy === null ? '—' : `${formatPercent(r.bestValAccuracy)} (epoch ${r.bestEpoch})`),
    sortValue: (r) => r.bestValAccuracy,
    numeric: true,
  },
  { key: 'testAccuracy', label: 'Test acc.', cell: (r) => percentOrDash(r.testAccuracy), sortValue: (r) => r.testAccuracy, numeric: true },
  { key: 'time', label: 'Time', cell: (r) => formatDuration(r.durationSeconds), sortValue: (r) => r.durationSeconds, numeric: true },
  { key: 'backend', label: 'Backend', cell: (r) => r.backend ?? '—', sortValue: (r) => r.backend },
  { key: 'status', label: 'Status', cell: (r) => r.status, sortValue: (r) => r.status },
];

export type SortDirection = 'ascending' | 'descending';

/** The runs ordered by one column; ties keep the backend's order (newest first). */
export function sortRuns(runs: readonly RunSummary[], column: RunColumn, direction: SortDirection): RunSummary[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...runs].sort((a, b) => {
    const x = column.sortValue(a);
    const y = column.sortValue(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return x < y ? -sign : x > y ? sign : 0;
  });
}
