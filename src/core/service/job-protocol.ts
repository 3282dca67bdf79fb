import type { Request } from '../api/contract';
import type { TrainedModel } from '../api/model-spec';

/** Long actions that run in a worker thread, so they can be cancelled and never stall the UI's thread. */
export type JobKind = 'evaluate' | 'export';

export type Job =
  | { kind: 'evaluate'; id: string; model: TrainedModel }
  | { kind: 'export'; name: string; model: TrainedModel; request: Request<'exportTflite'> };

export type JobReply = { ok: true; result: unknown } | { ok: false; error: string };
