import { mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileReadError, readRegularFile } from '../../../src/core/fs/regular-file';
import { mkfifo } from '../../helpers/hostile-files';

const dir = mkdtempSync(join(tmpdir(), 'digit-studio-regular-'));
const LIMITS = { maxBytes: 1024 * 1024, tooLarge: 'over 1 MB, too large for this test' };

async function refusal(path: string, limits: Parameters<typeof readRegularFile>[1] = LIMITS): Promise<FileReadError> {
  const error = await readRegularFile(path, limits).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FileReadError);
  expect((error as FileReadError).file).toBe(path);
  expect((error as Error).message).toBe(`${path}: ${(error as FileReadError).problem}`);
  return error as FileReadError;
}

describe('readRegularFile', () => {
  it('reads a regular file whole', async () => {
    const path = join(dir, 'plain.bin');
    writeFileSync(path, Buffer.from('digits'));
    expect(Buffer.from(await readRegularFile(path, LIMITS)).toString()).toBe('digits');
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO at once, with no writer on the other end (a blocking open would wait forever)', async () => {
    const path = join(dir, 'pipe.h5');
    mkfifo(path);
    const started = Date.now();
    expect((await refusal(path)).problem).toBe('not a regular file but a FIFO (named pipe)');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it.skipIf(process.platform === 'win32')('refuses /dev/zero, which would never end', async () => {
    expect((await refusal('/dev/zero')).problem).toBe('not a regular file but a character device');
  });

  it('refuses a directory named like a file', async () => {
    expect((await refusal(dir)).problem).toBe('not a regular file but a directory');
  });

  it('checks the size before reading: a 64 GB sparse file is refused with the caller\'s message, which does not tell its size', async () => {
    const path = join(dir, 'sparse.bin');
    writeFileSync(path, '');
    truncateSync(path, 2 ** 36);
    const error = await refusal(path);
    expect(error.problem).toBe(LIMITS.tooLarge);
    expect(error.message).not.toMatch(/68719476736|64 GB|65536 MB/);
  });

  it('follows a symbolic link the user gave, but refuses one with noFollow', async () => {
    const target = join(dir, 'target.bin');
    writeFileSync(target, 'x');
    const link = join(dir, 'link.bin');
    symlinkSync(target, link);
    expect(await readRegularFile(link, LIMITS)).toHaveLength(1);
    expect((await refusal(link, { ...LIMITS, noFollow: true })).problem).toBe('a symbolic link, not followed here: it could point anywhere');
  });

  it('reports an OS error with its code and reason, without repeating the path', async () => {
    const path = join(dir, 'missing.bin');
    expect((await refusal(path)).problem).toBe('cannot read: ENOENT: no such file or directory');
  });
});
