import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileReadError } from '../../../src/core/fs/regular-file';
import { readSiblingFiles, siblingFileName } from '../../../src/core/fs/sibling-files';

const dir = mkdtempSync(join(tmpdir(), 'digit-studio-sibling-'));
const owner = join(dir, 'model.json');

describe('siblingFileName: the names a file may give for other files', () => {
  it.each([
    ['w.bin', 'w.bin'],
    ['./model.weights.bin', 'model.weights.bin'],
    ['group1-shard1of3.bin', 'group1-shard1of3.bin'],
    ['my model.weights.bin', 'my model.weights.bin'],
    ['modèle.weights.bin', 'modèle.weights.bin'],
    ['.weights.bin', '.weights.bin'],
  ])('accepts the plain name %j', (name, plain) => {
    expect(siblingFileName(owner, name, 'weights file')).toBe(plain);
  });

  it.each([
    ['', /is empty/],
    ['./', /is empty/],
    ['..', /has "\.\."/],
    ['../secret.bin', /is a path \(it has a folder separator\)/],
    ['./../secret.bin', /is a path/],
    ['sub/w.bin', /is a path/],
    ['/etc/passwd', /is a path/],
    ['..\\secret.bin', /is a path/],
    ['\\\\server\\share\\w.bin', /is a path/],
    ['w..bin', /has "\.\."/],
    ['%2e%2e%2fsecret.bin', /has a URL-encoded escape/],
    ['%2Fetc%2Fpasswd', /has a URL-encoded escape/],
    ['C:w.bin', /is a URL or a drive path/],
    ['file:w.bin', /is a URL or a drive path/],
    ['w.bin\u0000.png', /has control characters/],
    ['w\u001b[2J.bin', /has control characters/],
    ['w\u009b.bin', /has control characters/],
    ['w'.repeat(256), /is too long/],
    [42, /is not a string/],
    [null, /is not a string/],
  ])('refuses %j with one line naming the owner and the name', (name, problem) => {
    const error = (() => {
      try {
        siblingFileName(owner, name, 'weights file');
      } catch (e) {
        return e as FileReadError;
      }
    })();
    expect(error).toBeInstanceOf(FileReadError);
    expect(error!.file).toBe(owner);
    expect(error!.problem).toMatch(problem);
    expect(error!.problem).toMatch(/^weights file ".*" is refused: it .*; only a plain file next to model\.json may be named$/);
    expect(error!.message).not.toMatch(/[\p{Cc}\p{Bidi_Control}]/u);
  });
});

describe('readSiblingFiles', () => {
  writeFileSync(join(dir, 'a.bin'), Buffer.alloc(10, 1));
  writeFileSync(join(dir, 'b.bin'), Buffer.alloc(10, 2));
  mkdirSync(join(dir, 'folder.bin'));

  it('reads the named files in order', async () => {
    const parts = await readSiblingFiles(owner, ['./a.bin', 'b.bin'], 'weights file', 20);
    expect(parts.map((p) => p[0])).toEqual([1, 2]);
  });

  it('refuses, before reading it, the file that would take the total past what the owner declares', async () => {
    await expect(readSiblingFiles(owner, ['a.bin', 'b.bin'], 'weights file', 15)).rejects.toThrow(
      `${owner}: weights file "b.bin": holds more bytes than model.json says its weights files take`,
    );
  });

  it('checks every name before opening any file', async () => {
    await expect(readSiblingFiles(owner, ['folder.bin', '../x'], 'weights file', 20)).rejects.toThrow(/"\.\.\/x" is refused/);
  });

  it('names the file it could not read', async () => {
    await expect(readSiblingFiles(owner, ['folder.bin'], 'weights file', 20)).rejects.toThrow(`${owner}: weights file "folder.bin": not a regular file but a directory`);
  });
});
