import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuAction } from '../../../src/core/api/contract';
import { aboutDetail, menuTemplate } from '../../../src/main/menu';

function fileMenu(platform: NodeJS.Platform, calls: string[]): MenuItemConstructorOptions[] {
  const template = menuTemplate({ openModel: () => calls.push('open'), send: (a: MenuAction) => calls.push(a), about: () => calls.push('about') }, platform);
  const file = template.find((m) => m.label === '&File');
  return (file?.submenu as MenuItemConstructorOptions[]).filter((i) => i.type !== 'separator');
}

describe('application menu', () => {
  it('has File › Open model, Save as .h5, Export TFLite, Quit with accelerators on every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const items = fileMenu(platform, []);
      expect(items.map((i) => [i.label, i.accelerator])).toEqual([
        ['Open Model…', 'CmdOrCtrl+O'],
        ['Save as .h5…', 'CmdOrCtrl+S'],
        ['Export TFLite…', 'CmdOrCtrl+E'],
        ['Quit', 'CmdOrCtrl+Q'],
      ]);
      expect(items[3].role).toBe('quit');
    }
  });

  it('opens models in the main process and sends save/export to the renderer', () => {
    const calls: string[] = [];
    const items = fileMenu('linux', calls);
    for (const item of items.slice(0, 3)) (item.click as () => void)();
    expect(calls).toEqual(['open', 'save-h5', 'export-tflite']);
  });

  it('puts About in the app menu on macOS and in Help elsewhere', () => {
    const calls: string[] = [];
    const linuxHelp = menuTemplate({ openModel: () => undefined, send: () => undefined, about: () => calls.push('about') }, 'linux').at(-1);
    expect(linuxHelp?.label).toBe('&Help');
    ((linuxHelp?.submenu as MenuItemConstructorOptions[])[0].click as () => void)();
    expect(calls).toEqual(['about']);
    const macApp = menuTemplate({ openModel: () => undefined, send: () => undefined, about: () => undefined }, 'darwin')[0];
    expect((macApp.submenu as MenuItemConstructorOptions[])[0].label).toBe('About Digit Studio');
  });

  it('shows the version, the runtimes and the training backend in About', () => {
    const text = aboutDetail({ version: '0.1.0', electron: '45.5.0', chrome: '142.0.0.0', node: '22.20.0', backend: 'WebAssembly SIMD engine' });
    expect(text.split('\n')).toEqual(['Version 0.1.0', 'Training backend: WebAssembly SIMD engine', 'Electron 45.5.0 · Chromium 142.0.0.0 · Node.js 22.20.0']);
  });
});
