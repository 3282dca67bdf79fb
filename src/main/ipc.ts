/**
 * The API contract over Electron IPC: one invoke channel for calls, one channel for events. Calls are
 * accepted only from the app's own top frame; the AppService validates every payload.
 */
import { ipcMain, shell, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { ApiEvent } from '../core/api/contract';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type IpcReply } from '../core/api/ipc';
import type { AppService } from '../core/service/app-service';
import { userMessage } from '../core/service/failure-message';
import { isTrustedSender } from './guards';
import type { MenuEvent } from './menu';

export function wireIpc(service: AppService, window: BrowserWindow, base: URL): void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event: IpcMainInvokeEvent, message: unknown): Promise<IpcReply> => {
    const frame = event.senderFrame;
    const fromWindow = event.sender === window.webContents && frame !== null;
    if (!fromWindow || !isTrustedSender({ isMainFrame: frame === window.webContents.mainFrame, url: frame.url }, base)) {
      return { ok: false, error: 'refused: the request did not come from the Digit Studio window' };
    }
    const { method, params } = (message ?? {}) as { method?: unknown; params?: unknown };
    try {
      const result = await service.call(method, params);
      if (method === 'revealModel') shell.showItemInFolder((result as { path: string }).path);
      return { ok: true, result };
    } catch (error) {
      return { ok: false, error: userMessage(error) };
    }
  });
  const unsubscribe = service.onEvent((event) => sendEvent(window, event));
  window.on('closed', () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
  });
}

/** Contract events and menu commands reach the renderer on the one event channel. */
export function sendEvent(window: BrowserWindow, event: ApiEvent | MenuEvent): void {
  if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event);
}
