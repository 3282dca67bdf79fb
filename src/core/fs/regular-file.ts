/**
 * Reading a file that a user or another file named: only a regular file is read, and only up to a size limit.
 * A FIFO would block the reader forever, /dev/zero never ends, a directory is not data. Both checks use fstat on
 * the descriptor that is then read, so the file cannot be swapped between the check and the read; the open is
 * non-blocking, so naming a FIFO with no writer cannot hang it either.
 */
import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

/** A file that was refused or could not be read; the message is one line: "<file>: <problem>". */
export class FileReadError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'FileReadError';
  }
}

export interface ReadLimits {
  /** Larger files are refused before a byte is read. */
  maxBytes: number;
  /** The problem reported for a larger file, e.g. "over 256 MB; a Keras digit model is far smaller". */
  tooLarge: string;
  /** Refuse a symbolic link instead of following it: for names found inside a file, a link could point anywhere. */
  noFollow?: boolean;
}

const NON_REGULAR: Array<[(stats: Stats) => boolean, string]> = [
  [(s) => s.isDirectory(), 'a directory'],
  [(s) => s.isFIFO(), 'a FIFO (named pipe)'],
  [(s) => s.isCharacterDevice(), 'a character device'],
  [(s) => s.isBlockDevice(), 'a block device'],
  [(s) => s.isSocket(), 'a socket'],
];

/** "cannot read: ENOENT: no such file or directory" from Node's "ENOENT: no such file or directory, open '<path>'". */
function osProblem(error: unknown, limits: ReadLimits): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === 'ELOOP' && limits.noFollow) return 'a symbolic link, not followed here: it could point anywhere';
  return `cannot read: ${(message ?? String(error)).replace(/, \w+ '.*'$/s, '')}`;
}

/** The whole content of the regular file at `path`. @throws FileReadError */
export async function readRegularFile(path: string, limits: ReadLimits): Promise<Uint8Array> {
  // O_NONBLOCK and O_NOFOLLOW do not exist on Windows, which has neither FIFOs that block on open nor such links.
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (limits.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0);
  const handle = await open(path, flags).catch((error: unknown) => {
    throw new FileReadError(path, osProblem(error, limits));
  });
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      const kind = NON_REGULAR.find(([is]) => is(stats))?.[1] ?? 'a special file';
      throw new FileReadError(path, `not a regular file but ${kind}`);
    }
    if (stats.size > limits.maxBytes) throw new FileReadError(path, limits.tooLarge);
    const bytes = new Uint8Array(stats.size);
    let done = 0;
    while (done < bytes.length) {
      const { bytesRead } = await handle.read(bytes, done, bytes.length - done, done);
      if (bytesRead === 0) throw new FileReadError(path, 'the file shrank while it was being read');
      done += bytesRead;
    }
    return bytes;
  } catch (error) {
    throw error instanceof FileReadError ? error : new FileReadError(path, osProblem(error, limits));
  } finally {
    await handle.close();
  }
}

/** "256 MB" for limits in messages. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MB`;
}
