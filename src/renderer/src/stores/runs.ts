/**
 * Run history: the runs the backend recorded (newest first), the 2–6 chosen for comparison with their full
 * records (History per epoch), and the per-run actions. The list refreshes on `runs-changed`.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { RunRecord, RunSummary } from '../../../core/api/run-history';
import { api, messageOf } from '../api/client';
import { downloadFile } from '../shared/download';

/** The most runs overlaid at once: more lines than this cannot be told apart. */
export const MAX_COMPARED_RUNS = 6;

const EXPORT_TYPES = { csv: 'text/csv', json: 'application/json' } as const;
export type RunExportFormat = keyof typeof EXPORT_TYPES;

export const useRunsStore = defineStore('runs', () => {
  const runs = ref<RunSummary[]>([]);
  const loaded = ref(false);
  const error = ref<string | null>(null);
  /** The runs chosen for the charts, in the order they were chosen. */
  const selectedIds = ref<string[]>([]);
  /** Full records of the chosen runs, by id. */
  const records = ref<Record<string, RunRecord>>({});

  const selectedRecords = computed(() => selectedIds.value.map((id) => records.value[id]).filter((r): r is RunRecord => r !== undefined));
  const selectionFull = computed(() => selectedIds.value.length >= MAX_COMPARED_RUNS);

  /** Per chosen run, its row as it was when its record was read: a record is read again only when its row changed. */
  const readAt = new Map<string, string>();

  const rowOf = (id: string): string => JSON.stringify(runs.value.find((r) => r.id === id));

  async function readRecord(id: string): Promise<RunRecord> {
    const row = rowOf(id);
    const record = await api.call('getRun', { id });
    readAt.set(id, row);
    return record;
  }

  async function loadRecord(id: string): Promise<void> {
    const record = await readRecord(id);
    if (selectedIds.value.includes(id)) records.value = { ...records.value, [id]: record };
  }

  async function refresh(): Promise<void> {
    try {
      runs.value = await api.call('listRuns', {});
      const known = new Set(runs.value.map((r) => r.id));
      selectedIds.value = selectedIds.value.filter((id) => known.has(id));
      // A chosen run that grew by an epoch (or ended) is read again, the others not: during a run every epoch
      // brings a refresh, and each changed record redraws the charts. The records read are set together, so they
      // redraw once.
      const stale = selectedIds.value.filter((id) => readAt.get(id) !== rowOf(id));
      const read = await Promise.all(stale.map(async (id) => [id, await readRecord(id)] as const));
      const fresh = read.filter(([id]) => selectedIds.value.includes(id));
      if (fresh.length) records.value = { ...records.value, ...Object.fromEntries(fresh) };
      loaded.value = true;
      error.value = null;
    } catch (e) {
      error.value = messageOf(e);
    }
  }

  /** Adds a run to the comparison or takes it out; refused (false) beyond MAX_COMPARED_RUNS. */
  async function toggle(id: string): Promise<boolean> {
    if (selectedIds.value.includes(id)) {
      selectedIds.value = selectedIds.value.filter((s) => s !== id);
      records.value = Object.fromEntries(Object.entries(records.value).filter(([key]) => key !== id));
      readAt.delete(id);
      return true;
    }
    if (selectionFull.value) return false;
    selectedIds.value = [...selectedIds.value, id];
    try {
      await loadRecord(id);
    } catch (e) {
      selectedIds.value = selectedIds.value.filter((s) => s !== id);
      error.value = messageOf(e);
    }
    return true;
  }

  /** Downloads the run's History as Keras' CSVLogger writes it, or the whole record as JSON. */
  async function exportRun(id: string, format: RunExportFormat): Promise<void> {
    downloadFile(await api.call('exportRun', { id, format }), EXPORT_TYPES[format]);
  }

  async function remove(id: string): Promise<void> {
    await api.call('deleteRun', { id });
    if (selectedIds.value.includes(id)) await toggle(id);
    runs.value = runs.value.filter((r) => r.id !== id);
  }

  let connected = false;
  /** Lists the runs and follows `runs-changed` from then on; later calls only refresh. */
  function connect(): Promise<void> {
    if (!connected) {
      connected = true;
      api.onEvent((event) => {
        if (event.type === 'runs-changed') void refresh();
      });
    }
    return refresh();
  }

  return { runs, loaded, error, selectedIds, records, selectedRecords, selectionFull, refresh, toggle, exportRun, remove, connect };
});
