/**
 * The main window's size, position and maximized flag, kept in <userData>/window-state.json. A missing,
 * corrupt or off-screen state is ignored (the window opens at its default size); saves are atomic.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/fs/atomic-write';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState extends Rect {
  maximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const MIN_WIDTH = 640;
export const MIN_HEIGHT = 480;
const MAX_SIDE = 100_000;

const isCoordinate = (v: unknown): v is number => Number.isInteger(v) && Math.abs(v as number) <= MAX_SIDE;

/** The state in a file's text, or undefined when it is not a well-formed one. */
export function parseWindowState(text: string): WindowState | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { x, y, width, height, maximized } = value as Record<string, unknown>;
  if (![x, y, width, height].every(isCoordinate) || typeof maximized !== 'boolean') return undefined;
  if ((width as number) < MIN_WIDTH || (height as number) < MIN_HEIGHT) return undefined;
  return { x: x as number, y: y as number, width: width as number, height: height as number, maximized };
}

/** A saved window is reused only when its title bar area is on a screen that exists now. */
export function isOnScreen(state: Rect, workAreas: readonly Rect[]): boolean {
  const titleBar = { x: state.x, y: state.y, width: state.width, height: 32 };
  return workAreas.some((area) => {
    const overlapX = Math.min(titleBar.x + titleBar.width, area.x + area.width) - Math.max(titleBar.x, area.x);
    const overlapY = Math.min(titleBar.y + titleBar.height, area.y + area.height) - Math.max(titleBar.y, area.y);
    return overlapX >= 64 && overlapY > 0;
  });
}

export async function loadWindowState(userDir: string, workAreas: readonly Rect[]): Promise<WindowState | undefined> {
  const text = await readFile(join(userDir, WINDOW_STATE_FILE), 'utf8').catch(() => '');
  const state = parseWindowState(text);
  return state && isOnScreen(state, workAreas) ? state : undefined;
}

export function saveWindowState(userDir: string, state: WindowState): Promise<void> {
  return writeFileAtomic(join(userDir, WINDOW_STATE_FILE), JSON.stringify(state));
}
