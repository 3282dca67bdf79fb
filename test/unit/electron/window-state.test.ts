import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WINDOW_STATE_FILE, isOnScreen, loadWindowState, parseWindowState, saveWindowState } from '../../../src/main/window-state';

const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];
const saved = { x: 100, y: 80, width: 1200, height: 800, maximized: false };

describe('window state', () => {
  it('parses a well-formed state and rejects anything else', () => {
    expect(parseWindowState(JSON.stringify(saved))).toEqual(saved);
    for (const text of ['', '{', 'null', '[]', '"x"', JSON.stringify({ ...saved, width: '1200' }), JSON.stringify({ ...saved, maximized: 1 }),
      JSON.stringify({ ...saved, x: 1.5 }), JSON.stringify({ ...saved, width: 200 }), JSON.stringify({ ...saved, height: 1e9 }), JSON.stringify({ x: 1, y: 2 })]) {
      expect(parseWindowState(text), text).toBeUndefined();
    }
  });

  it('reuses a window only where its title bar is on a current screen', () => {
    expect(isOnScreen(saved, screen)).toBe(true);
    expect(isOnScreen({ ...saved, x: 2500 }, screen)).toBe(false); // a monitor that was unplugged
    expect(isOnScreen({ ...saved, y: -500 }, screen)).toBe(false); // title bar above the screen
    expect(isOnScreen({ ...saved, x: 1900 }, screen)).toBe(false); // only 20 px visible
    expect(isOnScreen({ ...saved, x: 2500 }, [...screen, { x: 1920, y: 0, width: 2560, height: 1400 }])).toBe(true);
  });

  it('round-trips through userData with an atomic write and ignores a corrupt file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'digit-studio-window-'));
    expect(await loadWindowState(dir, screen)).toBeUndefined();
    await saveWindowState(dir, { ...saved, maximized: true });
    expect(await loadWindowState(dir, screen)).toEqual({ ...saved, maximized: true });
    expect(readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
    writeFileSync(join(dir, WINDOW_STATE_FILE), '{"x": 1, "y"');
    expect(await loadWindowState(dir, screen)).toBeUndefined();
  });
});
