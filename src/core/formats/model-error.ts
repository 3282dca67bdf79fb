import { FileReadError } from '../fs/regular-file';

/** A model file that cannot be read or written; the message is one line naming the file and the problem. */
export class ModelFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

/**
 * Runs `read` (sync or async), which reads through the shared file rules (fs/regular-file, fs/sibling-files),
 * reporting their refusals as ModelFileError like every other problem with a model file.
 */
export function asModelFileError<T>(read: () => T): T {
  const convert = (error: unknown): never => {
    throw error instanceof FileReadError ? new ModelFileError(error.file, error.problem) : error;
  };
  try {
    const result = read();
    return (result instanceof Promise ? result.catch(convert) : result) as T;
  } catch (error) {
    return convert(error);
  }
}
