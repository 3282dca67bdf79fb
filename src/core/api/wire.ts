/** How the contract travels over the web mode's WebSocket: the message shapes (Electron IPC: ./ipc.ts). */
import { z } from 'zod';
import type { ApiEvent } from './contract';

/** Largest message accepted over the WebSocket (an imported 64 MB model, base64-encoded, plus envelope). */
export const MAX_MESSAGE_BYTES = 96 * 1024 * 1024;

export const callMessageSchema = z
  .object({
    id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    method: z.string().max(64),
    params: z.unknown().optional(),
  })
  .strict();

export type CallMessage = z.infer<typeof callMessageSchema>;

export type ServerMessage =
  | { id: number; ok: true; result: unknown }
  | { id: number | null; ok: false; error: string }
  | { event: ApiEvent };
