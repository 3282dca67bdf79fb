/**
 * Kills a writer at a chosen instant: `body` (TypeScript, run in a child process) saves something; the child's
 * fs.promises.rename is wrapped so that right after a rename onto a name matching `pauseAt` the child waits,
 * alive, and is then SIGKILLed: no cleanup code runs, as when the machine loses power or the user kills the app.
 */
import { expect } from 'vitest';
import { spawnTsxScript } from './tsx-script';

const PAUSE_AFTER_RENAME = (pauseAt: string): string => `import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { basename } from 'node:path';
const rename = fsp.rename;
fsp.rename = async (from, to) => {
  await rename(from, to);
  if (new RegExp(${JSON.stringify(pauseAt)}).test(basename(to))) {
    console.log('paused');
    setInterval(() => {}, 1000); // wait here, alive, for the kill
    await new Promise(() => {});
  }
};
syncBuiltinESMExports();
`;

/** Runs `body` until its rename onto `pauseAt` (a RegExp source, matched against the base name), then SIGKILLs it. */
export async function killAfterRename(body: string, pauseAt: string, cwd: string): Promise<void> {
  const child = spawnTsxScript(`${PAUSE_AFTER_RENAME(pauseAt)}${body}\nconsole.log('finished');`, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  const paused = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('paused')) resolve();
    });
    child.on('exit', () => reject(new Error(`the save ended without pausing: ${stdout}`)));
  });
  await paused;
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  expect(stdout).not.toContain('finished');
}
