/**
 * The one API between the UI and the backend. The Electron preload bridge and the web mode's WebSocket both
 * carry exactly these methods and events; every request is validated against its schema where it enters the
 * backend. This module is pure (zod only) so the renderer, the preload, the main process and the web server
 * all import it.
 */
import { z } from 'zod';
import type { BackendName } from './backends';
import { INPUT_SHAPES, INPUT_TYPES, LABEL_STYLES, QUANTIZATIONS } from './export-options';
import type { BatchNormWeights, LayerSpec } from './layer-model';
import { INPUT_SIZE } from './model-spec';
import type { ModelSummary } from './model-summary';
import type { HistoryRow, RunRecord, RunSummary } from './run-history';
import { trainConfigSchema, type TrainConfig } from './train-config';
import type { TrainingEvent, WeightsPoint } from './training-events';

export const MODEL_ID_PATTERN = /^[a-z0-9-]{1,64}$/;
const modelId = z.string().regex(MODEL_ID_PATTERN, 'not a model id');
const runId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'not a run id');
const sampleId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'not a sample id');
const empty = z.object({}).strict();
const digit = z.number().int().min(0).max(9);
const hasControlCharacters = (text: string): boolean => [...text].some((c) => c.charCodeAt(0) < 32);

/** Bounds of one saved drawing: far above what a digit takes, far below what could strain the store. */
export const MAX_SAMPLE_STROKES = 200;
export const MAX_STROKE_POINTS = 5_000;

/** One stroke as the Draw page holds it: flat x0, y0, x1, y1, … in canvas pixels and the pen width at each point. */
export const sampleStrokeSchema = z
  .object({
    points: z.array(z.number()).min(2).max(2 * MAX_STROKE_POINTS),
    widths: z.array(z.number().min(0)).min(1).max(MAX_STROKE_POINTS),
  })
  .strict()
  .refine((s) => s.points.length === 2 * s.widths.length, 'a stroke needs one pen width per [x, y] point');
export const sampleStrokesSchema = z.array(sampleStrokeSchema).min(1).max(MAX_SAMPLE_STROKES);
export type SampleStroke = z.infer<typeof sampleStrokeSchema>;

/** base64 of the exact 28×28 model input as 784 bytes (0 = no ink, 255 = full ink), row-major. */
export const modelInputBase64 = z.string().regex(/^[A-Za-z0-9+/]{1046}==$/, 'not 784 base64-encoded bytes');

/**
 * The most an import may hold, the model file and its weights file together (64 MB). Checking a model costs about
 * 15 times its size in memory; a Keras digit model takes a few MB, so this leaves room for any of them and keeps an
 * import within reach of a small machine's memory.
 */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** Why a larger import is refused, after "<file> holds": one wording wherever a file is checked against the cap. */
export const IMPORT_TOO_LARGE = `more than the ${MAX_IMPORT_BYTES / 2 ** 20} MB Digit Studio imports: a digit model takes a few MB, so check that this is the right file`;

/** Each base64 string of an import: a little above MAX_IMPORT_BYTES encoded; the service checks the decoded total. */
const importBase64 = z.string().max(90_000_000, IMPORT_TOO_LARGE);

/** The name of a file the user opened (no folders: the backend reads only the bytes sent with it). */
const openedFileName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !hasControlCharacters(name), 'file name has control characters');

/** Request schemas, one per method. */
export const requestSchemas = {
  status: empty,
  startTraining: trainConfigSchema,
  stopTraining: empty,
  /** Holds the run after its current batch, keeping all its state; refused (with the reason) unless a run is training. */
  pauseTraining: empty,
  /** Lets a paused run go on from the batch it paused after; refused (with the reason) unless the run is paused. */
  resumeTraining: empty,
  /** Trains a library model N more epochs with its settings and optimizer state, appending to its run's History. */
  continueTraining: z.object({ id: modelId, epochs: z.number().int().min(1).max(1000) }).strict(),
  /** The training run's weights as they are now (its last epoch end or pause), to draw with; refused when no run trains. */
  getRunWeights: empty,
  listModels: empty,
  /** Entries of the library folder that are not usable models (bad meta.json, a copied folder, a broken file). */
  listDamagedModels: empty,
  /** Removes one damaged entry, named by its folder (a copy's folder name need not be a model id). */
  removeDamagedModel: z
    .object({
      folder: z
        .string()
        .min(1)
        .max(255)
        .refine((name) => !hasControlCharacters(name) && !/[/\\]/.test(name) && !name.startsWith('.'), 'not a folder name in the library'),
    })
    .strict(),
  getModel: z.object({ id: modelId }).strict(),
  deleteModel: z.object({ id: modelId }).strict(),
  evaluateModel: z.object({ id: modelId }).strict(),
  /** Stops a running evaluation or TFLite export; its pending call fails with "… cancelled". */
  cancelJob: z.object({ job: z.enum(['evaluate', 'export']) }).strict(),
  /**
   * Runs a .tflite file the user opened in LiteRT.js on the MNIST test set, in whatever input form it has; the
   * file is not added to the library (it has no Keras layers to train or export). Cancelled as job 'evaluate'.
   */
  evaluateTfliteFile: z.object({ fileName: openedFileName, data: importBase64 }).strict(),
  /**
   * Opens a .tflite file (as evaluateTfliteFile takes it) for the Draw page to read drawings with: compiled once in
   * LiteRT.js and kept, one at a time, replacing the one opened before.
   */
  openTfliteForDrawing: z.object({ fileName: openedFileName, data: importBase64 }).strict(),
  /** The open .tflite file's reading of one drawing: its 784 model-input values (strokesToModelInput), 0 = no ink, 1 = full ink. */
  predictTflite: z.object({ id: modelId, input: z.array(z.number().min(0).max(1)).length(INPUT_SIZE) }).strict(),
  getTestImages: z.object({ indices: z.array(z.number().int().min(0).max(9_999)).max(500) }).strict(),
  importModel: z
    .object({
      fileName: openedFileName,
      /** base64 of the file; with weightsData, MAX_IMPORT_BYTES at most once decoded */
      data: importBase64,
      /** the .weights.bin that goes with a TF.js model.json */
      weightsData: importBase64.optional(),
    })
    .strict(),
  downloadModel: z.object({ id: modelId, format: z.enum(['h5']) }).strict(),
  exportTflite: z
    .object({
      id: modelId,
      quantize: z.enum(QUANTIZATIONS),
      labels: z.enum(LABEL_STYLES),
      inputShape: z.enum(INPUT_SHAPES),
      /** int8 for int8-full, float32 otherwise when absent (export-options.ts defaultInputType); int8 only with int8-full */
      inputType: z.enum(INPUT_TYPES).optional(),
      /** the file turns dark-on-light drawings into MNIST's white on black */
      invert: z.boolean().optional(),
      /** also a TensorFlow Lite for Microcontrollers C array (.cc + .h) of the same bytes */
      cArray: z.boolean().optional(),
    })
    .strict(),
  revealModel: z.object({ id: modelId }).strict(),
  /** "Teach it my handwriting": keeps a drawing with the label the user confirmed or corrected. */
  saveSample: z.object({ label: digit, strokes: sampleStrokesSchema, pixels: modelInputBase64 }).strict(),
  listSamples: empty,
  relabelSample: z.object({ id: sampleId, label: digit }).strict(),
  deleteSample: z.object({ id: sampleId }).strict(),
  /** "Save again": retries saving the trained model that could not be saved to the library. */
  saveTrainedModel: empty,
  /** "Save as…": writes that model as a Keras .h5 into an existing folder the user chose (an absolute path). */
  saveTrainedModelTo: z
    .object({ directory: z.string().min(1).max(4096).refine((path) => !hasControlCharacters(path), 'folder path has control characters') })
    .strict(),
  /** Drops that model for good. */
  discardTrainedModel: empty,
  /** The saved drawings as MNIST-format files: images idx3-ubyte + labels idx1-ubyte, oldest first. */
  exportSamples: z.object({ format: z.enum(['idx']) }).strict(),
  /** Run history: every training run, newest first. */
  listRuns: empty,
  getRun: z.object({ id: runId }).strict(),
  deleteRun: z.object({ id: runId }).strict(),
  /** A run's History as Keras' CSVLogger writes it, or as JSON (the whole record). */
  exportRun: z.object({ id: runId, format: z.enum(['csv', 'json']) }).strict(),
} as const;

export type Method = keyof typeof requestSchemas;
export type Request<M extends Method> = z.infer<(typeof requestSchemas)[M]>;

export interface BackendInfo {
  name: BackendName;
  label: string;
}

export interface TrainingState {
  running: boolean;
  config: TrainConfig | null;
  /** Events of the current or last run, so a page opened later can redraw its charts. */
  events: TrainingEvent[];
  /** A continued model's earlier epochs (its run's History before this run), drawn before the events' own. */
  priorHistory: HistoryRow[];
  /** The last run's model when it could not be saved to the library. */
  unsaved: UnsavedModel | null;
}

/**
 * A trained model whose save to the library failed (full disk, read-only or missing user folder). The backend
 * keeps it in memory until it is saved again, saved to another folder, discarded, or replaced by a new run.
 */
export interface UnsavedModel {
  /** The run's name as the library would list it (settings, epochs, test accuracy). */
  name: string;
  /** Why the last save failed, in words the user can act on. */
  problem: string;
}

/** An entry of the library folder that is not a usable model; the Models page shows it so it can be removed. */
export interface DamagedModel {
  /** The entry's name inside the library folder. */
  folder: string;
  path: string;
  reason: string;
}

export interface ModelEntry {
  id: string;
  name: string;
  source: 'bundled' | 'trained' | 'imported';
  createdAt: string;
  testAccuracy: number | null;
  /** Total parameters, as Keras' model.summary() counts them. */
  params: number;
  /** The layers in one line (api/model-summary.ts describeModel): "784 → 128 relu → 10 softmax", "Conv2D 32 3×3 relu → …". */
  layers: string;
  /** Keras' model.summary(): the input shape, then each layer's name, type, output shape and parameter count. */
  summary: ModelSummary;
  config: TrainConfig | null;
  backend: BackendName | null;
  /** Where the model lives on disk. */
  path: string;
}

/** A model for the renderer to run (core/inference createPredictor): its Keras layer list and weights. */
export interface ModelWeights {
  id: string;
  layers: LayerSpec[];
  /** base64 little-endian float32, per Conv2D or Dense layer in order: the kernel in Keras' layout, then the bias */
  weights: Array<{ kernel: string; bias: string }>;
  /** The same, per BatchNormalization layer in order; absent when the model has none. */
  batchNorm?: Array<Record<keyof BatchNormWeights, string>>;
}

/** The training run's current weights, as getModel gives a model's, and where in the run they were taken. */
export interface RunWeights extends ModelWeights {
  at: WeightsPoint;
}

export interface EvaluationResult {
  id: string;
  loss: number;
  accuracy: number;
  /** confusion[true][predicted] */
  confusion: number[][];
  perDigit: number[];
  misclassified: Array<{ index: number; label: number; predicted: number; probabilities: number[] }>;
  /** For a .tflite file: the runtime that ran it and how the digits were fed ("uint8 [1,28,28,3], R=G=B, …"). */
  runtime?: string;
  input?: string;
}

/** A .tflite file open for drawing: predictTflite names it by `id` until another file replaces it. */
export interface TfliteDrawingModel {
  id: string;
  fileName: string;
  /** The runtime that runs it and how a drawing is fed to it ("float32 [1,28,28,1], (pixel − 0) / 255"). */
  runtime: string;
  input: string;
}

export interface FileDownload {
  fileName: string;
  /** base64 */
  data: string;
}

export interface TfliteExportResult {
  model: FileDownload;
  labels: FileDownload;
  /** How to feed the model (Markdown): input, MNIST-style preprocessing, Kotlin/Flutter/Python snippets. */
  readme: FileDownload;
  /** The .cc and .h of a TensorFlow Lite for Microcontrollers C array, when asked for. */
  cArray?: { source: FileDownload; header: FileDownload };
  size: number;
  /** LiteRT.js run on the 10,000 test images; problem is null when the file meets its variant's bar. */
  verification: { runtime: string; accuracy: number; agreement: number; maxDelta: number; problem: string | null } | null;
}

/** A saved drawing; the strokes stay in the store (training and export use the model input). */
export interface SampleEntry {
  id: string;
  label: number;
  createdAt: string;
  /** base64 of the 784-byte model input */
  pixels: string;
}

/** Response types, one per method. */
export interface Responses {
  status: { version: string; shell: 'electron' | 'web'; backends: BackendInfo[]; training: TrainingState };
  startTraining: { started: true };
  stopTraining: { stopping: boolean };
  /** The run will pause after its current batch: its 'paused' event says when it has. */
  pauseTraining: { pausing: true };
  resumeTraining: { resumed: true };
  /** `run`: the record the continued run appends to (a new one when the model's run was deleted). */
  continueTraining: { started: true; run: string };
  getRunWeights: RunWeights;
  listModels: ModelEntry[];
  listDamagedModels: DamagedModel[];
  removeDamagedModel: { removed: true };
  getModel: ModelWeights;
  deleteModel: { deleted: true };
  evaluateModel: EvaluationResult;
  evaluateTfliteFile: EvaluationResult;
  cancelJob: { cancelled: boolean };
  openTfliteForDrawing: TfliteDrawingModel;
  /** 10 per digit: the file's probabilities, or the softmax of its scores when it gives logits. */
  predictTflite: { probabilities: number[] };
  getTestImages: { images: Array<{ index: number; label: number; pixels: string }> };
  importModel: ModelEntry;
  downloadModel: FileDownload;
  exportTflite: TfliteExportResult;
  revealModel: { path: string };
  saveSample: SampleEntry;
  /** Newest first; `limit` is the most the store keeps. */
  listSamples: { samples: SampleEntry[]; limit: number };
  relabelSample: SampleEntry;
  deleteSample: { deleted: true };
  exportSamples: { images: FileDownload; labels: FileDownload; count: number };
  saveTrainedModel: ModelEntry;
  /** The .h5 file written (a free name in that folder: an existing file is never replaced). */
  saveTrainedModelTo: { path: string };
  discardTrainedModel: { discarded: boolean };
  listRuns: RunSummary[];
  getRun: RunRecord;
  deleteRun: { deleted: true };
  exportRun: FileDownload;
}

/** Menu commands of the desktop app that act on the renderer's current model. */
export type MenuAction = 'save-h5' | 'export-tflite';

export type ApiEvent =
  | { type: 'training'; event: TrainingEvent }
  /** The training run has new current weights (getRunWeights fetches them): an epoch ended or the run paused. */
  | { type: 'run-weights'; at: WeightsPoint }
  | { type: 'models-changed' }
  | { type: 'samples-changed' }
  /** A run was recorded, grew by an epoch, ended or was deleted. */
  | { type: 'runs-changed' }
  /** The trained model kept after a failed save changed: kept (with the new problem), saved, discarded or replaced. */
  | { type: 'unsaved-model'; unsaved: UnsavedModel | null }
  | { type: 'menu'; action: MenuAction }
  /** The desktop app opened a .tflite (menu, file association) and the user chose to evaluate it: the Evaluate page runs it. */
  | { type: 'open-tflite'; fileName: string; data: string };

/** What the renderer calls; implemented by the preload bridge and by the WebSocket client. */
export interface DigitStudioApi {
  call<M extends Method>(method: M, request: Request<M>): Promise<Responses[M]>;
  /** Returns an unsubscribe function. */
  onEvent(listener: (event: ApiEvent) => void): () => void;
}

/** Thrown by the backend for a request it refuses; the message is shown to the user as is. */
export class ApiError extends Error {}

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requestSchemas, name);
}

/** Validates a request; the error names the method and the bad fields in one line. */
export function parseRequest<M extends Method>(method: M, params: unknown): Request<M> {
  const result = requestSchemas[method].safeParse(params ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
    throw new ApiError(`invalid ${method} request: ${problems}`);
  }
  return result.data as Request<M>;
}

