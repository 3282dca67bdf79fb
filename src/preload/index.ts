/**
 * Preload: the only bridge between the sandboxed renderer and the app. It exposes exactly the typed API
 * contract (call + events) and nothing of Electron or Node.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiEvent, DigitStudioApi, Method, Request, Responses } from '../core/api/contract';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../core/api/wire';

type IpcReply = { ok: true; result: unknown } | { ok: false; error: string };

const api: DigitStudioApi = {
  async call<M extends Method>(method: M, request: Request<M>): Promise<Responses[M]> {
    const reply = (await ipcRenderer.invoke(IPC_CALL_CHANNEL, { method, params: request })) as IpcReply;
    if (!reply.ok) throw new Error(reply.error);
    return reply.result as Responses[M];
  },
  onEvent(listener: (event: ApiEvent) => void): () => void {
    const handler = (_event: IpcRendererEvent, event: ApiEvent): void => listener(event);
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('digitStudio', api);
