/**
 * The built preload loaded the way Electron loads it into a sandboxed renderer (docs: "Process Sandboxing",
 * "ES Modules in Electron"): a plain script, wrapped in a function, whose `require` knows only `electron` (and
 * the polyfilled `events`, `timers`, `url`), with Buffer, process, global, setImmediate and clearImmediate as
 * globals. Any `import`/`export`, any other `require` or a throw at the top level fails here as it would
 * leave `window.digitStudio` undefined in the app.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../src/core/api/ipc';
import { BUILT_PRELOAD, ensureDesktopBuild } from './built-app';

const SANDBOX_MODULES = new Set(['electron', 'events', 'timers', 'url']);

interface Recorded {
  exposed: Map<string, unknown>;
  required: string[];
  invoked: Array<{ channel: string; args: unknown[] }>;
  listeners: Map<string, Set<(...args: unknown[]) => void>>;
}

/** Runs the preload source as Electron's sandboxed preload wrapper does and records what it touches. */
function loadSandboxed(source: string, reply: (message: unknown) => unknown = (message) => ({ ok: true, result: { echoed: message } })): Recorded {
  const recorded: Recorded = { exposed: new Map(), required: [], invoked: [], listeners: new Map() };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => recorded.exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        recorded.invoked.push({ channel, args });
        return reply(args[0]);
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        if (!recorded.listeners.has(channel)) recorded.listeners.set(channel, new Set());
        recorded.listeners.get(channel)!.add(listener);
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => recorded.listeners.get(channel)?.delete(listener),
    },
  };
  const sandboxRequire = (name: string): unknown => {
    recorded.required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`module not found: ${name} (a sandboxed preload can require only ${[...SANDBOX_MODULES].join(', ')})`);
  };
  // A fresh context with no Node globals: only what Electron's sandboxed preload is given.
  const context = vm.createContext({ console });
  const wrapper = new vm.Script(`(function (exports, require, module, process, Buffer, global, setImmediate, clearImmediate) {${source}\n})`, {
    filename: BUILT_PRELOAD,
  });
  const module = { exports: {} };
  const processStub = { platform: 'linux', versions: {}, env: {} };
  (wrapper.runInContext(context) as (...args: unknown[]) => void)(module.exports, sandboxRequire, module, processStub, Buffer, context, setImmediate, clearImmediate);
  return recorded;
}

describe('the built preload in a sandboxed renderer', () => {
  let source: string;
  beforeAll(async () => {
    await ensureDesktopBuild();
    source = readFileSync(BUILT_PRELOAD, 'utf8');
  });

  it('is one plain CommonJS script: no import/export syntax, and it requires nothing but electron', () => {
    expect(() => new vm.Script(`(function (require) {${source}\n})`)).not.toThrow();
    expect(source).not.toMatch(/^\s*(import|export)\b/m);
    const requires = [...source.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(source).not.toMatch(/\bimport\(/);
  });

  it('loads without throwing and exposes exactly window.digitStudio with call and onEvent', () => {
    const recorded = loadSandboxed(source);
    expect(recorded.required).toEqual(['electron']);
    expect([...recorded.exposed.keys()]).toEqual(['digitStudio']);
    const api = recorded.exposed.get('digitStudio') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['call', 'onEvent']);
    expect(typeof api.call).toBe('function');
    expect(typeof api.onEvent).toBe('function');
  });

  it("calls go out on the contract's call channel; events come in on its event channel and can be unsubscribed", async () => {
    const recorded = loadSandboxed(source);
    const api = recorded.exposed.get('digitStudio') as {
      call(method: string, request: unknown): Promise<unknown>;
      onEvent(listener: (event: unknown) => void): () => void;
    };
    await expect(api.call('listModels', {})).resolves.toEqual({ echoed: { method: 'listModels', params: {} } });
    expect(recorded.invoked).toEqual([{ channel: IPC_CALL_CHANNEL, args: [{ method: 'listModels', params: {} }] }]);

    const seen: unknown[] = [];
    const unsubscribe = api.onEvent((event) => seen.push(event));
    expect([...recorded.listeners.keys()]).toEqual([IPC_EVENT_CHANNEL]);
    for (const listener of recorded.listeners.get(IPC_EVENT_CHANNEL)!) listener({ sender: 'ipc' }, { type: 'menu', action: 'save-h5' });
    expect(seen).toEqual([{ type: 'menu', action: 'save-h5' }]);
    unsubscribe();
    expect(recorded.listeners.get(IPC_EVENT_CHANNEL)!.size).toBe(0);
  });

  it('turns an error reply into a rejected call with the one-line message', async () => {
    const recorded = loadSandboxed(source, () => ({ ok: false, error: 'refused: the request did not come from the Digit Studio window' }));
    const api = recorded.exposed.get('digitStudio') as { call(method: string, request: unknown): Promise<unknown> };
    await expect(api.call('status', {})).rejects.toThrow(/^refused: the request did not come from the Digit Studio window$/);
  });
});
