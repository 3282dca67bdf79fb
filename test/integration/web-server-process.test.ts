/**
 * The real `npm run web` process (issue 15, items 2, 3 and 11): it opens the browser through the desktop's launcher
 * (here a stand-in `xdg-open` that records its argv), hands that launcher a different one-time code from the one
 * it prints, keeps every secret out of argv, stays up under malformed requests, and holds its user folder against
 * a second instance until it stops.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/core/service/user-dir-lock';
import { expectedHostileAnswers, fireHostileRequests, httpGet, openAsBrowser, pathOf, signIn } from './web-server-client';

const WEB = fileURLToPath(new URL('../../src/launch/web.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'digit-studio-web-process-'));
const launcherArgv = join(dir, 'xdg-open.argv');

let child: ChildProcess;
let stderr = '';
let printed: { url: string; port: number };
let opened: string;

/** Starts web mode as `npm run web` does, without --no-open; resolves with its printed link. */
function startWebMode(): Promise<{ url: string; port: number }> {
  writeFileSync(join(dir, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${launcherArgv}.tmp' && mv '${launcherArgv}.tmp' '${launcherArgv}'\n`);
  chmodSync(join(dir, 'xdg-open'), 0o755);
  child = spawn(process.execPath, [WEB, '--port', '0', '--user-dir', join(dir, 'user')], {
    env: { ...process.env, PATH: `${dir}${delimiter}${process.env.PATH}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const match = /Digit Studio at (http:\/\/127\.0\.0\.1:(\d+)\/\?code=\w+)\n/.exec(stdout);
      if (match) resolve({ url: match[1], port: Number(match[2]) });
    });
    child.once('exit', (code) => reject(new Error(`web mode exited with ${code}: ${stderr}`)));
  });
}

async function launcherUrl(): Promise<string> {
  for (let waited = 0; !existsSync(launcherArgv); waited += 50) {
    if (waited > 10_000) throw new Error('web mode never ran the browser launcher');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return readFileSync(launcherArgv, 'utf8').trim();
}

// Linux: the stand-in is an `xdg-open` shell script, and argv is read from /proc.
describe.runIf(process.platform === 'linux')('npm run web, the real process', () => {
  beforeAll(async () => {
    printed = await startWebMode();
    opened = await launcherUrl();
  }, 180_000);
  afterAll(() => new Promise<void>((done) => (child.exitCode === null ? child.once('exit', () => done()).kill('SIGTERM') : done())));

  it('gives the launcher a one-time link of its own; no process argv holds the printed code or the session secret', async () => {
    const code = (url: string): string => new URL(url).searchParams.get('code')!;
    expect(opened).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${printed.port}/\\?code=[0-9a-f]{48}$`));
    expect(code(opened)).not.toBe(code(printed.url));
    // The launcher's link signs the desktop browser in once; whoever read it in `ps` then holds nothing.
    const secret = (await signIn(printed.port, opened)).split('=')[1];
    expect((await httpGet(printed.port, pathOf(opened))).status).toBe(403);
    const serverArgv = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8');
    for (const argv of [serverArgv, opened]) {
      expect(argv).not.toContain(code(printed.url));
      expect(argv).not.toContain(secret);
    }
  });

  it('answers malformed requests with an error status and keeps serving; the printed link still signs in', async () => {
    expect(await fireHostileRequests(printed.port)).toEqual(expectedHostileAnswers(printed.port));
    expect(child.exitCode).toBeNull();
    expect(await openAsBrowser(printed.port, printed.url)).toMatchObject({ page: 200, reply: { ok: true, result: { shell: 'web' } } });
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a second web mode on its user folder, naming this one; stopping releases the folder (issue 15, item 11)', async () => {
    const second = spawnSync(process.execPath, [WEB, '--no-open', '--port', '0', '--user-dir', join(dir, 'user')], { encoding: 'utf8', timeout: 60_000 });
    expect(second.status).toBe(1);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(new RegExp(`^digit-studio: error: Digit Studio is already using .* \\(web mode, process ${child.pid}, started .*\\): close it first\\n$`));
    expect(child.exitCode).toBeNull();
    child.kill('SIGTERM');
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);
    expect(existsSync(join(dir, 'user', LOCK_FILE))).toBe(false);
  });
});
