/**
 * Preload: the only bridge between the sandboxed renderer and the app. It exposes exactly the typed API
 * contract (call + events) and nothing of Electron or Node. A sandboxed preload runs as a plain CommonJS
 * script whose `require` knows only `electron` (and a few polyfilled built-ins), so it is built into one
 * self-contained out/preload/index.cjs and imports nothing at run time but `electron`.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiEvent, DigitStudioApi, Method, Request, Responses } from '../core/api/contract';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type IpcReply } from '../core/api/ipc';

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
