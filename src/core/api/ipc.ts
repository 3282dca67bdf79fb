/**
 * How the contract travels over Electron IPC: the channel names and the reply envelope. Free of zod and of
 * everything else, because the sandboxed preload bundles what it imports and should carry nothing more.
 */
export const IPC_CALL_CHANNEL = 'digit-studio:call';
export const IPC_EVENT_CHANNEL = 'digit-studio:event';

/** What the main process answers on the call channel: the method's result, or a one-line error. */
export type IpcReply = { ok: true; result: unknown } | { ok: false; error: string };
