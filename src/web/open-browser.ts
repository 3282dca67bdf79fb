/**
 * Opens web mode in the user's desktop browser. The launcher's command line (and the browser's, if this starts
 * it) is visible to every local user through `ps`, so callers pass a link that carries only its own one-time code
 * (session.ts), never the session secret or the code printed in the terminal.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export type Spawn = (command: string, args: string[], options: SpawnOptions) => ChildProcess;

export function openBrowser(url: string, run: Spawn = spawn, platform: NodeJS.Platform = process.platform): void {
  const command = platform === 'darwin' ? 'open' : platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = run(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined); // no desktop browser: the printed address is enough
  child.unref();
}
