/**
 * The application menu: File (Open model…, Save as .h5…, Export TFLite…, Quit) with accelerators, and About.
 * Built from plain data so it is tested without Electron; the actions are wired by the main process.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { ApiEvent, MenuAction } from '../core/api/contract';

/** Sent to the renderer on the contract's event channel (it knows which model is selected). */
export type MenuEvent = Extract<ApiEvent, { type: 'menu' }>;

export interface MenuHandlers {
  openModel(): void;
  send(action: MenuAction): void;
  about(): void;
}

export function menuTemplate(handlers: MenuHandlers, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Open Model…', accelerator: 'CmdOrCtrl+O', click: () => handlers.openModel() },
      { label: 'Save as .h5…', accelerator: 'CmdOrCtrl+S', click: () => handlers.send('save-h5') },
      { label: 'Export TFLite…', accelerator: 'CmdOrCtrl+E', click: () => handlers.send('export-tflite') },
      { type: 'separator' },
      { label: 'Quit', accelerator: 'CmdOrCtrl+Q', role: 'quit' },
    ],
  };
  const about: MenuItemConstructorOptions = { label: 'About Digit Studio', click: () => handlers.about() };
  const edit: MenuItemConstructorOptions = { role: 'editMenu' };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
  if (mac) return [{ label: 'Digit Studio', submenu: [about, { type: 'separator' }, { role: 'hide' }, { role: 'quit' }] }, file, edit, view];
  return [file, edit, view, { label: '&Help', submenu: [about] }];
}

export interface AboutFacts {
  version: string;
  electron: string;
  chrome: string;
  node: string;
  backend: string;
}

/** The About box's text: the app's version, the runtimes it runs on and the training backend in use. */
export function aboutDetail(facts: AboutFacts): string {
  return [
    `Version ${facts.version}`,
    `Training backend: ${facts.backend}`,
    `Electron ${facts.electron} · Chromium ${facts.chrome} · Node.js ${facts.node}`,
  ].join('\n');
}
