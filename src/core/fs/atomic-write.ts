import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The temp files below are named `.<target name>.<pid>.<8 hex digits>.tmp`: what a killed writer leaves behind. */
export const ATOMIC_TEMP_FILE = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

/**
 * Writes a file so that readers see either the old content or the complete new one: the data goes to a temp
 * file in the same folder, is flushed to disk, then renamed over the target. On any failure (full disk,
 * permission) the temp file is removed and the previous file is left untouched.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
