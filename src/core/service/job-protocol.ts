import type { Request } from '../api/contract';
import type { LayerModel } from '../api/layer-model';

/** Long actions that run in a worker thread, so they can be cancelled and never stall the UI's thread. */
export type JobKind = 'evaluate' | 'export';

export type Job =
  | { kind: 'evaluate'; id: string; model: LayerModel }
  /** A .tflite file the user opened, run in LiteRT.js; `id` is its file name. */
  | { kind: 'evaluate'; id: string; tflite: Uint8Array }
  | { kind: 'export'; name: string; testAccuracy: number | null; model: LayerModel; request: Request<'exportTflite'> };

export type JobReply = { ok: true; result: unknown } | { ok: false; error: string };
