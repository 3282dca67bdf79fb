/** Preload: the only bridge between the sandboxed renderer and the app. Exposes a frozen, typed surface. */
import { contextBridge } from 'electron';

const api = Object.freeze({
  shell: 'electron' as const,
  versions: Object.freeze({ electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node }),
});

export type PreloadApi = typeof api;

contextBridge.exposeInMainWorld('digitStudio', api);
