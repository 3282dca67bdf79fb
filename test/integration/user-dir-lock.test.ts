/**
 * One instance per user folder (issue 15, item 11): a second instance on a folder in use is refused, told which
 * process holds it; a lock left by a killed process, or naming a pid that another process now has, is taken over;
 * the lock goes when its instance exits or releases it. Real processes where a process is the point.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir, uptime } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnTsxScript } from '../helpers/tsx-script';
import { LOCK_FILE, UserDirInUseError, lockUserDir, type LockHolder, type UserDirLock } from '../../src/core/service/user-dir-lock';

const WEB = fileURLToPath(new URL('../../src/launch/web.js', import.meta.url));
const LOCK_MODULE = fileURLToPath(new URL('../../src/core/service/user-dir-lock.ts', import.meta.url));

const locks: UserDirLock[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const lock of locks.splice(0)) lock.release();
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

const newUserDir = (): string => join(mkdtempSync(join(tmpdir(), 'digit-studio-lock-')), 'Digit Studio');
const holderOf = (userDir: string): LockHolder => JSON.parse(readFileSync(join(userDir, LOCK_FILE), 'utf8')) as LockHolder;

function lock(userDir: string, shell: 'electron' | 'web'): UserDirLock {
  const taken = lockUserDir(userDir, shell);
  locks.push(taken);
  return taken;
}

/** Runs `node` on `args` to its end; resolves with its exit code and output. */
function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

/** Another process that takes the folder as web mode does, says "locked", then waits (or exits when `exit` is set). */
function lockInChild(userDir: string, exit = false): Promise<ChildProcess> {
  const script = `import { lockUserDir } from ${JSON.stringify(LOCK_MODULE)};
    lockUserDir(${JSON.stringify(userDir)}, 'web');
    console.log('locked');
    ${exit ? '' : 'setInterval(() => {}, 1000);'}`;
  const child = spawnTsxScript(script, { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve(child));
    child.once('exit', (code) => reject(new Error(`the locking process exited with ${code}`)));
  });
}

const exited = (child: ChildProcess): Promise<void> => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

describe('one instance per user folder', () => {
  it('refuses a second instance on a folder in use, naming the holding process, its shell and start time', () => {
    const userDir = newUserDir();
    lock(userDir, 'web');
    const refused = (() => {
      try {
        lockUserDir(userDir, 'electron');
      } catch (error) {
        return error as UserDirInUseError;
      }
      throw new Error('the second lock was granted');
    })();
    expect(refused).toBeInstanceOf(UserDirInUseError);
    expect(refused.holder).toMatchObject({ pid: process.pid, shell: 'web' });
    const started = `${new Date(performance.timeOrigin).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
    expect(refused.message).toBe(`Digit Studio is already using ${userDir} (web mode, process ${process.pid}, started ${started}): close it first`);
    expect(readdirSync(userDir)).toEqual([LOCK_FILE]); // the refused attempt left no temp file
  });

  it('a real web mode on a folder the desktop app holds exits 1 with one line naming it, touching nothing', async () => {
    const userDir = newUserDir();
    lock(userDir, 'electron');
    const web = await run([WEB, '--no-open', '--port', '0', '--user-dir', userDir]);
    expect(web.code).toBe(1);
    expect(web.stdout).toBe('');
    expect(web.stderr).toMatch(new RegExp(`^digit-studio: error: Digit Studio is already using .* \\(the desktop app, process ${process.pid}, started [-0-9: ]+ UTC\\): close it first\\n$`));
    expect(readdirSync(userDir)).toEqual([LOCK_FILE]);
    expect(holderOf(userDir).pid).toBe(process.pid);
  });

  it('takes over the lock of a killed instance (its pid is gone)', async () => {
    const userDir = newUserDir();
    const child = await lockInChild(userDir);
    expect(() => lockUserDir(userDir, 'electron')).toThrow(`process ${child.pid}`);
    child.kill('SIGKILL'); // no exit handler runs: the lock file stays behind
    await exited(child);
    expect(holderOf(userDir).pid).toBe(child.pid);
    expect(lock(userDir, 'electron').file).toBe(join(userDir, LOCK_FILE));
    expect(holderOf(userDir)).toMatchObject({ pid: process.pid, shell: 'electron' });
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose pid now belongs to another, unrelated process', async () => {
    const userDir = newUserDir();
    const unrelated = spawn('sleep', ['60']);
    children.push(unrelated);
    await new Promise((resolve) => unrelated.once('spawn', resolve));
    // Written by a process that had this pid once: same boot, another start than the `sleep` that has it now.
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stale: LockHolder = { pid: unrelated.pid!, shell: 'web', startedAt: new Date().toISOString(), processStart: `${bootId}/1`, bootedAt: Math.round(Date.now() / 1000 - uptime()) };
    mkdirSync(userDir, { recursive: true });
    writeFileSync(join(userDir, LOCK_FILE), JSON.stringify(stale));
    expect(lock(userDir, 'web').file).not.toBeNull();
    expect(holderOf(userDir).pid).toBe(process.pid);
  });

  it('takes over a damaged lock file, which names no holder', () => {
    const userDir = newUserDir();
    lock(userDir, 'web').release();
    writeFileSync(join(userDir, LOCK_FILE), '{"pid":');
    lock(userDir, 'web');
    expect(holderOf(userDir).pid).toBe(process.pid);
  });

  it('releases the folder when its instance exits, or on release(); never removes a lock another instance took over', async () => {
    const userDir = newUserDir();
    const child = await lockInChild(userDir, true);
    await exited(child);
    expect(existsSync(join(userDir, LOCK_FILE))).toBe(false);

    const mine = lockUserDir(userDir, 'web');
    mine.release();
    expect(existsSync(join(userDir, LOCK_FILE))).toBe(false);
    const next = lock(userDir, 'electron');
    mine.release(); // a second release must not remove the next holder's lock
    expect(holderOf(userDir).shell).toBe('electron');
    next.release();
    expect(existsSync(join(userDir, LOCK_FILE))).toBe(false);
  });
});
