/**
 * The run history: one JSON file per training run in <userDir>/runs/<run-id>.json, written atomically at the
 * run's start, after every epoch and at its end, so a crash keeps the epochs done so far. Every file is checked
 * when read; a damaged one is reported and skipped, never fatal to the list. A record still 'running' that is not
 * a run of this process was cut short by a crash or a kill: it reads as 'interrupted'.
 */
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ApiError } from '../api/contract';
import { BACKENDS } from '../api/backends';
import { WEIGHT_STAT_NAMES, type RunRecord, type RunSummary } from '../api/run-history';
import { trainConfigSchema } from '../api/train-config';
import { writeFileAtomic } from '../fs/atomic-write';
import { writeProblem } from './failure-message';
import { RECORD_ID_PATTERN, SerialQueue, readEachRecord, recordPath } from './record-files';

/**
 * The most runs kept: the 200 newest (a run's file takes some 30 KB at most, its curve being capped), enough to
 * compare weeks of experiments; older ones are deleted when a new run starts.
 */
export const RUN_LIMIT = 200;

export const INTERRUPTED = 'the app stopped during the run (closed or crashed); the epochs it finished are kept';

/** JSON has no NaN: a loss that turned NaN is written as null and read back as NaN. */
const metric = z
  .number()
  .nullable()
  .transform((v) => v ?? NaN);

const recordSchema = z.object({
  id: z.string().regex(RECORD_ID_PATTERN),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  status: z.enum(['running', 'completed', 'stopped', 'failed', 'interrupted']),
  reason: z.string().max(10_000).nullable(),
  // Not strict: a settings field added by a newer version is dropped, it does not make the run damaged.
  config: z.object(trainConfigSchema.shape),
  backend: z.enum(BACKENDS).nullable(),
  threads: z.number().int().min(1).nullable(),
  layers: z.string().max(1000),
  history: z
    .array(
      z.object({
        epoch: z.number().int().min(1),
        loss: metric,
        accuracy: metric,
        val_loss: z.number().nullable(),
        val_accuracy: z.number().nullable(),
        seconds: z.number().min(0),
        user_accuracy: z.number().optional(),
      }),
    )
    .max(10_000),
  batches: z.array(z.object({ step: z.number().int().min(0), epoch: z.number().int().min(1), loss: z.number(), accuracy: z.number() })).max(10_000),
  // Absent in the records of versions before it; a NaN weight (a diverged run) is written as null.
  weights: z
    .array(
      z.object({
        epoch: z.number().int().min(0),
        layers: z.array(z.object({ name: z.string().max(200), kernel: z.array(metric).length(WEIGHT_STAT_NAMES.length), bias: z.array(metric).length(WEIGHT_STAT_NAMES.length).nullable() })).max(100),
      }),
    )
    .max(10_001)
    .optional(),
  test: z.object({ loss: metric, accuracy: metric }).nullable(),
  modelId: z.string().regex(RECORD_ID_PATTERN).nullable(),
  durationSeconds: z.number().min(0),
});

/** The Runs table's row: best val_accuracy and its epoch come from the History (the first epoch that reached it). */
export function runSummary(record: RunRecord): RunSummary {
  let best: { value: number; epoch: number } | null = null;
  for (const row of record.history) {
    if (row.val_accuracy !== null && Number.isFinite(row.val_accuracy) && (best === null || row.val_accuracy > best.value)) best = { value: row.val_accuracy, epoch: row.epoch };
  }
  const { config } = record;
  return {
    id: record.id,
    startedAt: record.startedAt,
    status: record.status,
    layers: record.layers,
    optimizer: config.optimizer,
    learningRate: config.learningRate,
    batchSize: config.batchSize,
    epochsPlanned: config.epochs,
    epochsCompleted: record.history.length,
    augment: config.augment ?? false,
    bestValAccuracy: best?.value ?? null,
    bestEpoch: best?.epoch ?? null,
    testAccuracy: record.test?.accuracy ?? null,
    durationSeconds: record.durationSeconds,
    backend: record.backend,
    modelId: record.modelId,
  };
}

export class RunStore {
  readonly dir: string;
  /** Runs of this process still going: the only 'running' records that are not interrupted. */
  private readonly active = new Set<string>();
  /** Writes and deletions run one after another, so a record's files land in the order they were made. */
  private readonly changes = new SerialQueue();
  /** Runs whose failed write was reported: once per run, not at every epoch. */
  private readonly warned = new Set<string>();

  constructor(
    userDir: string,
    readonly limit = RUN_LIMIT,
  ) {
    this.dir = join(userDir, 'runs');
  }

  private path(id: string): string {
    return recordPath(this.dir, id, 'run');
  }

  /** A new run of this process: written at once, then the oldest runs beyond the limit are deleted. */
  async begin(record: RunRecord): Promise<void> {
    this.active.add(record.id);
    await this.save(record);
    await this.changes.run(() => this.prune()).catch((error: unknown) => console.warn(`digit-studio: cannot prune the run history: ${(error as Error).message}`));
  }

  /**
   * Writes the record as it is now (serialized at once, so later changes wait for the next write). A failed write
   * is reported on stderr and never stops the run: the history is a record, not the run.
   */
  async save(record: RunRecord): Promise<boolean> {
    const text = JSON.stringify(record, null, 1);
    const ended = record.status !== 'running';
    return this.changes.run(async () => {
      try {
        await mkdir(this.dir, { recursive: true });
        await writeFileAtomic(this.path(record.id), text);
        return true;
      } finally {
        if (ended) this.active.delete(record.id);
      }
    }).catch((error: unknown) => {
      if (this.warned.has(record.id)) return false;
      this.warned.add(record.id);
      console.warn(`digit-studio: cannot record run ${record.id} in ${this.dir}: ${writeProblem(error)}`);
      return false;
    });
  }

  private async ids(): Promise<string[]> {
    const files = await readdir(this.dir).catch(() => [] as string[]);
    return files.filter((f) => f.endsWith('.json') && !f.startsWith('.') && RECORD_ID_PATTERN.test(f.slice(0, -'.json'.length))).map((f) => f.slice(0, -'.json'.length));
  }

  private async read(id: string): Promise<RunRecord> {
    const parsed = recordSchema.safeParse(JSON.parse(await readFile(this.path(id), 'utf8')));
    if (!parsed.success) throw new Error(`not a valid run record: ${parsed.error.issues[0].path.join('.') || 'file'}: ${parsed.error.issues[0].message}`);
    const record = parsed.data as RunRecord;
    if (record.id !== id) throw new Error(`the file holds run ${record.id}`);
    if (record.status === 'running' && !this.active.has(id)) return { ...record, status: 'interrupted', reason: record.reason ?? INTERRUPTED };
    return record;
  }

  /** Every readable run, newest first; damaged files are reported on stderr and left out. */
  async list(): Promise<RunRecord[]> {
    const records = await readEachRecord(this.dir, 'run', await this.ids(), (id) => this.read(id));
    return records.sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id.localeCompare(a.id));
  }

  async get(id: string): Promise<RunRecord> {
    try {
      return await this.read(id);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ApiError(`run ${id} does not exist`);
      throw new ApiError(`run ${id} cannot be read: ${(error as Error).message}`);
    }
  }

  /** Deletes a run's record (a damaged one too); a run still going cannot be deleted. */
  delete(id: string): Promise<void> {
    const path = this.path(id);
    if (this.active.has(id)) return Promise.reject(new ApiError('this run is still going: stop it or wait for it to finish before deleting it'));
    return this.changes.run(async () => {
      if (!(await this.ids()).includes(id)) throw new ApiError(`run ${id} does not exist`);
      await rm(path, { force: true });
    });
  }

  /** Deletes the oldest finished runs beyond the limit. */
  private async prune(): Promise<void> {
    const records = await this.list();
    for (const record of records.slice(this.limit)) {
      if (!this.active.has(record.id)) await rm(this.path(record.id), { force: true });
    }
  }
}
