import type { Request } from '../api/contract';
import type { LayerModel } from '../api/layer-model';

/** Long actions that run in a worker thread, so they can be cancelled and never stall the UI's thread. */
export type JobKind = 'evaluate' | 'export';

export type Job =
  | { kind: 'evaluate'; id: string; model: LayerModel }
  | { kind: 'export'; name: string; model: LayerModel; request: Request<'exportTflite'> };

export type JobReply = { ok: true; result: unknown } | { ok: false; error: string };
