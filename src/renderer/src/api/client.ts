/**
 * The renderer's single way to reach the backend: the preload bridge inside Electron, the WebSocket in web
 * mode. Both implement the same DigitStudioApi contract.
 */
import type { DigitStudioApi } from '../../../core/api/contract';
import { createWebSocketApi } from './ws-client';

declare global {
  interface Window {
    digitStudio?: DigitStudioApi;
  }
}

export const api: DigitStudioApi = window.digitStudio ?? createWebSocketApi();

/** A readable message for any failure (the backend already sends one line). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
