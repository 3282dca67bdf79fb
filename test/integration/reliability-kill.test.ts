/**
 * A save killed mid-write (SIGKILL: no cleanup code runs) must leave the previous model file intact: the
 * new bytes go to a temp file that is renamed over the target only once complete.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawnTsxScript } from '../helpers/tsx-script';

const root = fileURLToPath(new URL('../..', import.meta.url));
const atomicWrite = join(root, 'src/core/fs/atomic-write.ts');
const NEW_SIZE = 192 * 1024 * 1024;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('atomic saves under SIGKILL', () => {
  it('keeps the old model file byte for byte when the writer is killed mid-write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'digit-studio-kill-'));
    const target = join(dir, 'model.h5');
    const old = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31) % 251));
    writeFileSync(target, old);

    const child = spawnTsxScript(
      `import { writeFileAtomic } from ${JSON.stringify(atomicWrite)};
       const data = new Uint8Array(${NEW_SIZE}).fill(0xab);
       await writeFileAtomic(${JSON.stringify(target)}, data);
       console.log('finished');`,
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));

    // Kill as soon as the temp file holds part of the new model.
    let partial = 0;
    for (let i = 0; i < 20_000 && partial === 0; i++) {
      const temp = readdirSync(dir).find((name) => name.endsWith('.tmp'));
      const size = temp ? statSync(join(dir, temp), { throwIfNoEntry: false })?.size ?? 0 : 0;
      if (size > 0 && size < NEW_SIZE) partial = size;
      else await sleep(1);
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(partial).toBeGreaterThan(0);
    expect(stdout).not.toContain('finished');

    const after = readFileSync(target);
    expect(after.length).toBe(old.length);
    expect(sha256(after)).toBe(sha256(old));
    // Only the abandoned temp file is left beside it, never a partial file under the model's name.
    expect(readdirSync(dir).filter((name) => name !== 'model.h5').every((name) => name.startsWith('.model.h5.') && name.endsWith('.tmp'))).toBe(true);
  });
});
