/** The cap on what an opened file may hold, checked before its base64 is decoded. */
import { base64ByteLength } from '../api/base64';
import { ApiError, IMPORT_TOO_LARGE, MAX_IMPORT_BYTES, type Request } from '../api/contract';

/**
 * Refuses an import larger than MAX_IMPORT_BYTES before a byte of it is decoded: the decoded copies and the
 * checks that follow would cost many times its size in memory.
 */
export function refuseOversizedImport({ fileName, data, weightsData }: Pick<Request<'importModel'>, 'fileName' | 'data' | 'weightsData'>): void {
  const bytes = base64ByteLength(data) + (weightsData ? base64ByteLength(weightsData) : 0);
  if (bytes <= MAX_IMPORT_BYTES) return;
  const files = weightsData ? `${fileName} and its weights file hold` : `${fileName} holds`;
  throw new ApiError(`${files} ${IMPORT_TOO_LARGE}`);
}
