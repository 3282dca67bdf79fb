/**
 * A full disk, simulated below the code under test. A test file mocks node:fs/promises with it:
 *
 *   vi.mock('node:fs/promises', async (importOriginal) => (await import('../helpers/full-disk')).fullDiskFs(await importOriginal()));
 *
 * While `disk.full` is set, the first `disk.freeBytes` of a write through a file handle land on disk, then the
 * write fails with ENOSPC as Linux reports it; plain writeFile calls fail at once unless `fullForPlainWrites` is off.
 */
import type * as fsPromises from 'node:fs/promises';

export const disk = { full: false, freeBytes: 64 * 1024, fullForPlainWrites: true };

export function emptyDisk(): void {
  disk.full = false;
  disk.fullForPlainWrites = true;
}

function enospc(syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device, ${syscall}`), { code: 'ENOSPC', errno: -28, syscall });
}

export function fullDiskFs(real: typeof fsPromises) {
  const open: typeof real.open = async (...args) => {
    const handle = await real.open(...args);
    if (!disk.full) return handle;
    const writeFile = async (data: Uint8Array | string): Promise<void> => {
      await handle.write(Buffer.from(data).subarray(0, disk.freeBytes));
      throw enospc('write');
    };
    return new Proxy(handle, {
      get(target, key) {
        if (key === 'writeFile') return writeFile;
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  };
  const writeFile: typeof real.writeFile = async (...args) => {
    if (disk.full && disk.fullForPlainWrites) throw enospc('write');
    return real.writeFile(...args);
  };
  return { ...real, default: { ...real, open, writeFile }, open, writeFile };
}
