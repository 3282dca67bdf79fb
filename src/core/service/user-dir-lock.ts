/**
 * One Digit Studio instance per user folder. Two instances writing one folder (the desktop app and web mode, or two
 * web modes) race each other: a relabel on one resurrected a drawing deleted on the other. So an instance holds
 * <userDir>/digit-studio.lock while it runs, naming its process; a second instance is refused and told which
 * process holds the folder. (The desktop app's single-instance lock covers only two desktop instances.)
 *
 * The lock file appears complete or not at all: it is written under a temp name, then hard-linked to its own name,
 * which fails when that name exists. That is an exclusive create like open(…, 'wx'), without the moment in which
 * the file exists but is still empty and a second instance could take it for a damaged lock.
 *
 * A crashed holder leaves its lock behind, so a lock whose holder is gone is taken over: its pid is not alive, or
 * the live process with that pid is not the holder (the pid was reused). Linux tells them apart exactly by the
 * boot id and the process's start in clock ticks since boot; elsewhere only a reboot shows that the pid is
 * another process, so there a crashed holder's pid reused by a new process blocks until that process ends.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { uptime } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { firstLine } from '../api/first-line';

export const LOCK_FILE = 'digit-studio.lock';

const SHELL_NAMES = { electron: 'the desktop app', web: 'web mode', cli: 'the command line (train --continue)' } as const;
type Shell = keyof typeof SHELL_NAMES;

const holderSchema = z.object({
  pid: z.number().int().positive(),
  shell: z.enum(['electron', 'web', 'cli']),
  /** When the holding process started (ISO), for the refusal message. */
  startedAt: z.iso.datetime(),
  /** Linux: "<boot id>/<start in clock ticks since boot>", which no other process shares; null elsewhere. */
  processStart: z.string().nullable(),
  /** When the machine booted (seconds since the epoch), to tell a lock from before a reboot where processStart is null. */
  bootedAt: z.number(),
});

export type LockHolder = z.infer<typeof holderSchema>;

/** Boot times computed at two moments differ by the clock's rounding and drift; a reboot moves it by far more. */
const BOOT_TIME_SLACK_S = 120;

/** Takeovers in a row before giving up: each one means another instance changed the lock between two looks. */
const MAX_ATTEMPTS = 5;

export class UserDirInUseError extends Error {
  constructor(
    readonly userDir: string,
    readonly holder: LockHolder,
  ) {
    const started = `${holder.startedAt.slice(0, 19).replace('T', ' ')} UTC`;
    super(`Digit Studio is already using ${userDir} (${SHELL_NAMES[holder.shell]}, process ${holder.pid}, started ${started}): close it first`);
    this.name = 'UserDirInUseError';
  }
}

export interface UserDirLock {
  /** The lock file, or null when the folder cannot be written (then there are no writes to race either). */
  readonly file: string | null;
  /** Removes the lock (also done when the process exits); a lock another instance took over is left alone. */
  release(): void;
}

/** Linux: "<boot id>/<start in clock ticks since boot>" of the process `pid`; null elsewhere or when it is gone. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime); counted after the command name's closing parenthesis, as the name may hold spaces.
    const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return `${readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()}/${ticks}`;
  } catch {
    return null;
  }
}

const bootTime = (): number => Math.round(Date.now() / 1000 - uptime());

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the holder is gone: its pid is not alive, or belongs to a process that started later. */
function isStale(holder: LockHolder): boolean {
  if (!isAlive(holder.pid)) return true;
  const start = processStart(holder.pid);
  if (start !== null && holder.processStart !== null) return start !== holder.processStart;
  return Math.abs(bootTime() - holder.bootedAt) > BOOT_TIME_SLACK_S;
}

function parseHolder(text: string): LockHolder | null {
  try {
    return holderSchema.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

const readText = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/** A temp name in the atomic-write pattern, so a crash leaves nothing that the leftover sweep does not remove. */
const tempName = (userDir: string): string => join(userDir, `.${LOCK_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/**
 * Removes the stale lock `seen`. It is renamed aside first and checked there: when another instance took the
 * folder over between our read and the rename, the lock now aside is that instance's, and it is put back.
 */
function removeStale(userDir: string, file: string, seen: string): void {
  const aside = tempName(userDir);
  try {
    renameSync(file, aside);
  } catch {
    return; // already gone: removed by another instance taking over
  }
  try {
    if (readText(aside) !== seen) linkSync(aside, file);
  } catch {
    // A third instance holds the folder by now; the next attempt names it.
  } finally {
    rmSync(aside, { force: true });
  }
}

function held(file: string, content: string): UserDirLock {
  const release = (): void => {
    process.off('exit', release);
    if (readText(file) === content) rmSync(file, { force: true });
  };
  process.on('exit', release);
  return { file, release };
}

function unlocked(userDir: string, error: unknown): UserDirLock {
  console.warn(`digit-studio: cannot lock ${userDir} against a second instance: ${firstLine(error)}`);
  return { file: null, release: () => undefined };
}

/** Takes the user folder for this process. @throws UserDirInUseError naming the live instance that holds it */
export function lockUserDir(userDir: string, shell: Shell): UserDirLock {
  const file = join(userDir, LOCK_FILE);
  const holder: LockHolder = {
    pid: process.pid,
    shell,
    startedAt: new Date(performance.timeOrigin).toISOString(),
    processStart: processStart(process.pid),
    bootedAt: bootTime(),
  };
  const content = JSON.stringify(holder);
  const temp = tempName(userDir);
  try {
    mkdirSync(userDir, { recursive: true });
    writeFileSync(temp, content, { flag: 'wx' });
  } catch (error) {
    return unlocked(userDir, error); // a read-only or missing folder: the app still runs and says so when it saves
  }
  try {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try {
        linkSync(temp, file);
        return held(file, content);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return unlocked(userDir, error);
      }
      const seen = readText(file);
      if (seen === null) continue; // released between the two looks
      const current = parseHolder(seen);
      if (current && !isStale(current)) throw new UserDirInUseError(userDir, current);
      removeStale(userDir, file, seen); // its holder is gone, or the file is damaged and names none
    }
    throw new Error(`cannot lock ${userDir}: other Digit Studio instances keep taking it over; start one at a time`);
  } finally {
    rmSync(temp, { force: true });
  }
}
