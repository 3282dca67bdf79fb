/**
 * The built main process (out/main/index.js) started in plain Node with the `electron` double
 * (electron-double/), as a child process the test talks to: commands go in, the double's answers and the
 * events the main process sends to its window come out. Its stderr is kept, so a built file that fails to
 * resolve (a worker chunk, wasm, MNIST, a model) shows up as a failure, not a silent hang.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_MAIN, ROOT } from './built-app';

const REGISTER = new URL('./electron-double/register.mjs', import.meta.url).href;

export interface SentEvent {
  channel: string;
  payload: unknown;
}

export interface BuiltMain {
  child: ChildProcess;
  userDir: string;
  /** The URL the window was told to load (resolves once loadURL ran). */
  loaded: Promise<string>;
  stderr(): string;
  /** Every call the double recorded, as streamed (survives the process's exit). */
  calls: Array<{ name: string; [detail: string]: unknown }>;
  command<T = unknown>(cmd: string, args?: Record<string, unknown>): Promise<T>;
  onSend(listener: (event: SentEvent) => void): void;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export interface StartOptions {
  userDir?: string;
  /** Another instance holds the single-instance lock. */
  lockHeld?: boolean;
  argv?: string[];
  env?: Record<string, string>;
}

export function startBuiltMain(options: StartOptions = {}): BuiltMain {
  const userDir = options.userDir ?? mkdtempSync(join(tmpdir(), 'digit-studio-desktop-'));
  const child = fork(BUILT_MAIN, options.argv ?? [], {
    execArgv: ['--import', REGISTER],
    cwd: ROOT,
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      ...process.env,
      DOUBLE_USER_DATA: userDir,
      DOUBLE_APP_PATH: ROOT,
      DOUBLE_LOCK_HELD: options.lockHeld ? '1' : '0',
      ELECTRON_RENDERER_URL: '',
      ...options.env,
    },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  child.stdout!.on('data', () => undefined);
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const listeners: Array<(event: SentEvent) => void> = [];
  const calls: BuiltMain['calls'] = [];
  let nextId = 1;
  let resolveLoaded: (url: string) => void;
  const loaded = new Promise<string>((resolve) => (resolveLoaded = resolve));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then((code) => {
    for (const call of pending.values()) call.reject(new Error(`the built main process exited (${code}): ${stderr.slice(-2000)}`));
    pending.clear();
  });
  type Message = { id?: number; result?: unknown; error?: string; type?: string; url?: string; channel?: string; payload?: unknown; call?: BuiltMain['calls'][number] };
  child.on('message', (message: Message) => {
    if (message.type === 'call') calls.push(message.call!);
    else if (message.type === 'loadURL') resolveLoaded(message.url!);
    else if (message.type === 'send') for (const listener of listeners) listener({ channel: message.channel!, payload: message.payload });
    else if (message.id !== undefined) {
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (message.error !== undefined) call?.reject(new Error(message.error));
      else call?.resolve(message.result);
    }
  });
  return {
    child,
    userDir,
    loaded,
    stderr: () => stderr,
    calls,
    command: <T>(cmd: string, args: Record<string, unknown> = {}) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, cmd, ...args });
      }),
    onSend: (listener) => listeners.push(listener),
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
