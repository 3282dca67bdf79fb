/**
 * What the folder-of-JSON-records stores (drawings in samples/, runs in runs/) share: one id rule for the file
 * names, the path of a record that can never leave its folder, and a queue that applies changes one at a time
 * so that two calls never interleave their read-modify-write.
 */
import { join } from 'node:path';
import { ApiError } from '../api/contract';

/** The ids the contract lets through, and the only file names (`<id>.json`) a store reads. */
export const RECORD_ID_PATTERN = /^[a-z0-9-]{1,64}$/;

/** `<dir>/<id>.json`; the id is checked again here so no caller can name a file outside the folder. */
export function recordPath(dir: string, id: string, kind: string): string {
  if (!RECORD_ID_PATTERN.test(id)) throw new ApiError(`not a ${kind} id: ${JSON.stringify(id)}`);
  return join(dir, `${id}.json`);
}

/** Runs each change after the previous one has settled; a failed change does not stop the ones after it. */
export class SerialQueue {
  private queue: Promise<unknown> = Promise.resolve();

  run<T>(change: () => Promise<T>): Promise<T> {
    const result = this.queue.then(change, change);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/** Reads each record of `ids`; a damaged one is reported on stderr and left out, so one bad file hides nothing else. */
export async function readEachRecord<T>(dir: string, kind: string, ids: readonly string[], read: (id: string) => Promise<T>): Promise<T[]> {
  const records: T[] = [];
  for (const id of ids) {
    try {
      records.push(await read(id));
    } catch (error) {
      console.warn(`digit-studio: skipped ${kind} file ${join(dir, `${id}.json`)}: ${(error as Error).message}`);
    }
  }
  return records;
}
