/**
 * The one API between the UI and the backend. The Electron preload bridge and the web mode's WebSocket both
 * carry exactly these methods and events; every request is validated against its schema where it enters the
 * backend. This module is pure (zod only) so the renderer, the preload, the main process and the web server
 * all import it.
 */
import { z } from 'zod';
import type { ModelSpec } from '../model/spec';
import { trainConfigSchema, type BackendName, type TrainConfig } from '../training/config';
import { INPUT_SHAPES, LABEL_STYLES, QUANTIZATIONS } from '../formats/tflite/options';
import type { TrainingEvent } from '../training/events';

const modelId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'not a model id');
const empty = z.object({}).strict();

export { QUANTIZATIONS, type Quantization } from '../formats/tflite/options';

/** Request schemas, one per method. */
export const requestSchemas = {
  status: empty,
  startTraining: trainConfigSchema,
  stopTraining: empty,
  listModels: empty,
  getModel: z.object({ id: modelId }).strict(),
  deleteModel: z.object({ id: modelId }).strict(),
  evaluateModel: z.object({ id: modelId }).strict(),
  /** Stops a running evaluation or TFLite export; its pending call fails with "… cancelled". */
  cancelJob: z.object({ job: z.enum(['evaluate', 'export']) }).strict(),
  getTestImages: z.object({ indices: z.array(z.number().int().min(0).max(9_999)).max(500) }).strict(),
  importModel: z
    .object({
      fileName: z
        .string()
        .min(1)
        .max(255)
        .refine((name) => ![...name].some((c) => c.charCodeAt(0) < 32), 'file name has control characters'),
      /** base64 of the file; 64 MB at most */
      data: z.string().max(90_000_000),
      /** the .weights.bin that goes with a TF.js model.json */
      weightsData: z.string().max(90_000_000).optional(),
    })
    .strict(),
  downloadModel: z.object({ id: modelId, format: z.enum(['h5']) }).strict(),
  exportTflite: z
    .object({
      id: modelId,
      quantize: z.enum(QUANTIZATIONS),
      labels: z.enum(LABEL_STYLES),
      inputShape: z.enum(INPUT_SHAPES),
    })
    .strict(),
  revealModel: z.object({ id: modelId }).strict(),
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
}

export interface ModelEntry {
  id: string;
  name: string;
  source: 'bundled' | 'trained' | 'imported';
  createdAt: string;
  testAccuracy: number | null;
  params: number;
  layers: string;
  config: TrainConfig | null;
  backend: BackendName | null;
  /** Where the model lives on disk. */
  path: string;
}

export interface ModelWeights {
  id: string;
  spec: ModelSpec;
  /** base64 little-endian float32, per layer: kernel [in, out] then bias */
  weights: Array<{ kernel: string; bias: string }>;
}

export interface EvaluationResult {
  id: string;
  loss: number;
  accuracy: number;
  /** confusion[true][predicted] */
  confusion: number[][];
  perDigit: number[];
  misclassified: Array<{ index: number; label: number; predicted: number; probabilities: number[] }>;
}

export interface FileDownload {
  fileName: string;
  /** base64 */
  data: string;
}

export interface TfliteExportResult {
  model: FileDownload;
  labels: FileDownload;
  size: number;
  /** LiteRT.js run on the 10,000 test images; problem is null when the file meets its variant's bar. */
  verification: { runtime: string; accuracy: number; agreement: number; maxDelta: number; problem: string | null } | null;
}

/** Response types, one per method. */
export interface Responses {
  status: { version: string; shell: 'electron' | 'web'; backends: BackendInfo[]; training: TrainingState };
  startTraining: { started: true };
  stopTraining: { stopping: boolean };
  listModels: ModelEntry[];
  getModel: ModelWeights;
  deleteModel: { deleted: true };
  evaluateModel: EvaluationResult;
  cancelJob: { cancelled: boolean };
  getTestImages: { images: Array<{ index: number; label: number; pixels: string }> };
  importModel: ModelEntry;
  downloadModel: FileDownload;
  exportTflite: TfliteExportResult;
  revealModel: { path: string };
}

/** Menu commands of the desktop app that act on the renderer's current model. */
export type MenuAction = 'save-h5' | 'export-tflite';

export type ApiEvent = { type: 'training'; event: TrainingEvent } | { type: 'models-changed' } | { type: 'menu'; action: MenuAction };

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

