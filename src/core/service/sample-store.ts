/**
 * The user's own labelled drawings ("teach it my handwriting"): one JSON file per drawing in
 * <userDir>/samples/<id>.json holding the strokes as the Draw page held them and the exact 28×28 model input.
 * Every write is atomic; a damaged file is reported and skipped, never fatal to the list; the count and the total
 * size are capped.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { base64ToBytes, bytesToBase64 } from '../api/base64';
import { ApiError, modelInputBase64, sampleStrokesSchema, type SampleEntry, type SampleStroke } from '../api/contract';
import type { DigitSet } from '../dataset';
import { writeFileAtomic } from '../fs/atomic-write';
import { INPUT_SIZE } from '../api/model-spec';
import { fileProblem, writeProblem } from './failure-message';
import { RECORD_ID_PATTERN, SerialQueue, readEachRecord, recordPath } from './record-files';

/** The most drawings kept: plenty to adapt a model to one hand, small enough to list and train on quickly. */
export const SAMPLE_LIMIT = 1_000;

/**
 * The most bytes the drawings' files may take together (16 MB). A digit drawn by hand takes a few KB, so 1,000
 * ordinary drawings stay far below it; it bounds what drawings with huge strokes (the contract allows a million
 * points in one) could fill the disk and every listing with.
 */
export const SAMPLE_BYTES_LIMIT = 16 * 1024 * 1024;

const DELETE_SOME = 'delete some on the My digits page to save more';


const sampleFileSchema = z
  .object({
    version: z.literal(1),
    id: z.string().regex(RECORD_ID_PATTERN),
    label: z.number().int().min(0).max(9),
    createdAt: z.iso.datetime(),
    strokes: sampleStrokesSchema,
    pixels: modelInputBase64,
  })
  .strict();

type SampleFile = z.infer<typeof sampleFileSchema>;

export interface StoredSample extends SampleEntry {
  strokes: SampleStroke[];
}

const serialize = (sample: StoredSample): string => JSON.stringify({ version: 1, ...sample } satisfies SampleFile);

const sizeText = (bytes: number): string => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`);

function newSampleId(createdAt: string): string {
  const stamp = createdAt.replace(/[-:.TZ]/g, '').slice(0, 17);
  return `sample-${stamp}-${randomBytes(3).toString('hex')}`;
}

export class SampleStore {
  readonly dir: string;
  /** Changes run one after another, so the cap holds and a relabel never races a delete. */
  private readonly changes = new SerialQueue();
  /** Creation times are strictly increasing (one ms apart at least), so "newest first" is always defined. */
  private lastCreated = 0;

  constructor(
    userDir: string,
    readonly limit = SAMPLE_LIMIT,
    readonly byteLimit = SAMPLE_BYTES_LIMIT,
  ) {
    this.dir = join(userDir, 'samples');
  }

  private path(id: string): string {
    return recordPath(this.dir, id, 'sample');
  }

  private async read(id: string): Promise<StoredSample> {
    const parsed = sampleFileSchema.safeParse(JSON.parse(await readFile(this.path(id), 'utf8')));
    if (!parsed.success) throw new Error(`not a valid sample: ${parsed.error.issues[0].path.join('.') || 'file'}: ${parsed.error.issues[0].message}`);
    if (parsed.data.id !== id) throw new Error(`the file holds sample ${parsed.data.id}`);
    const { label, createdAt, strokes, pixels } = parsed.data;
    return { id, label, createdAt, strokes, pixels };
  }

  private async write(sample: StoredSample, text = serialize(sample)): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFileAtomic(this.path(sample.id), text);
    } catch (error) {
      throw new ApiError(`cannot save the drawing in ${this.dir}: ${writeProblem(error)}`);
    }
  }

  private async ids(): Promise<string[]> {
    const files = await readdir(this.dir).catch(() => [] as string[]);
    return files.filter((f) => f.endsWith('.json') && !f.startsWith('.')).map((f) => f.slice(0, -'.json'.length));
  }

  /** All readable samples, newest first; damaged files are reported on stderr and left out. */
  async list(): Promise<StoredSample[]> {
    const samples = await readEachRecord(this.dir, 'sample', await this.ids(), (id) => this.read(id));
    return samples.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** The bytes the sample files take together, damaged ones too (a file removed meanwhile counts as none). */
  private async bytesUsed(ids: string[]): Promise<number> {
    const sizes = await Promise.all(ids.map((id) => stat(join(this.dir, `${id}.json`)).then((s) => s.size, () => 0)));
    return sizes.reduce((a, b) => a + b, 0);
  }

  add(label: number, strokes: SampleStroke[], pixels: Uint8Array): Promise<StoredSample> {
    if (pixels.length !== INPUT_SIZE) throw new ApiError(`a sample's model input has ${INPUT_SIZE} bytes, got ${pixels.length}`);
    return this.changes.run(async () => {
      const ids = await this.ids();
      if (ids.length >= this.limit) throw new ApiError(`you have ${this.limit} saved drawings, the most Digit Studio keeps: ${DELETE_SOME}`);
      this.lastCreated = Math.max(Date.now(), this.lastCreated + 1);
      const createdAt = new Date(this.lastCreated).toISOString();
      const sample: StoredSample = { id: newSampleId(createdAt), label, createdAt, strokes, pixels: bytesToBase64(pixels) };
      const text = serialize(sample);
      if ((await this.bytesUsed(ids)) + Buffer.byteLength(text) > this.byteLimit) {
        throw new ApiError(`your saved drawings would take more than the ${sizeText(this.byteLimit)} Digit Studio keeps: ${DELETE_SOME}`);
      }
      await this.write(sample, text);
      return sample;
    });
  }

  private async existing(id: string): Promise<StoredSample> {
    try {
      return await this.read(id);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ApiError(`sample ${id} does not exist`);
      throw new ApiError(`sample ${id} cannot be read: ${fileProblem(error)}`);
    }
  }

  relabel(id: string, label: number): Promise<StoredSample> {
    return this.changes.run(async () => {
      const sample = { ...(await this.existing(id)), label };
      await this.write(sample);
      return sample;
    });
  }

  /** Deletes a sample; a damaged one can be deleted too. */
  delete(id: string): Promise<void> {
    return this.changes.run(async () => {
      const path = this.path(id);
      if (!(await this.ids()).includes(id)) throw new ApiError(`sample ${id} does not exist`);
      await rm(path, { force: true });
    });
  }

  /** The samples as a 28×28 digit set, oldest first (the order of an export). */
  async digitSet(): Promise<DigitSet> {
    const samples = (await this.list()).reverse();
    const pixels = new Uint8Array(samples.length * INPUT_SIZE);
    samples.forEach((s, i) => pixels.set(base64ToBytes(s.pixels), i * INPUT_SIZE));
    return { count: samples.length, rows: 28, cols: 28, pixels, labels: Uint8Array.from(samples, (s) => s.label) };
  }
}
