/**
 * What the security tests share: a secret file beside the folder under attack (whose content and size must never
 * show up anywhere), FIFOs, and a CLI run that is killed, and reported as hung, when it does not finish in time.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { CLI, type CliResult } from './run-cli';

export interface Secret {
  path: string;
  /** Random text the secret file repeats; finding it anywhere means the file was read. */
  marker: string;
  /** A multiple of 4, so a manifest can declare the whole file as float32 weights. */
  size: number;
}

/** Writes `dir`/secret.bin: a random marker repeated over a random size. */
export function writeSecret(dir: string): Secret {
  const marker = `SECRET-${randomBytes(6).toString('hex')}-`;
  const size = 4 * (12_000 + randomBytes(2).readUInt16BE(0));
  const path = join(dir, 'secret.bin');
  writeFileSync(path, marker.repeat(Math.ceil(size / marker.length)).slice(0, size));
  return { path, marker, size };
}

const PASSWD = '/etc/passwd';
const passwdFirstLine = readFileSync(PASSWD, 'utf8').split('\n')[0];
const passwdSize = statSync(PASSWD).size;

/** Neither the secret's nor /etc/passwd's content or exact size appears in `output`. */
export function expectNoLeak(output: string | Uint8Array, secret: Secret): void {
  const text = typeof output === 'string' ? output : Buffer.from(output).toString('latin1');
  expect(text).not.toContain(secret.marker);
  expect(text).not.toContain(passwdFirstLine);
  for (const size of [secret.size, passwdSize]) expect(text).not.toMatch(new RegExp(`(?<![\\w.])${size}(?![\\w.])`));
}

export function mkfifo(path: string): void {
  const result = spawnSync('mkfifo', [path]);
  if (result.status !== 0) throw new Error(`mkfifo ${path} failed: ${result.stderr}`);
}

/** Runs the digit-studio bin like runCli, but kills it after `ms` (a hang is a failure of its own). */
export function runCliWithin(args: string[], ms = 20_000): Promise<CliResult & { hung: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, ms);
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, hung });
    });
  });
}

/** The command failed as the README promises: in time, exit 1, nothing on stdout, one error line naming `file`. */
export function expectOneLineFailure(result: CliResult & { hung: boolean }, file: string, problem: RegExp): void {
  expect(result.hung, 'the command hung').toBe(false);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^digit-studio: error: [^\n]*\n$/);
  expect(result.stderr).toContain(file);
  expect(result.stderr).toMatch(problem);
  expect(result.code).toBe(1);
}
