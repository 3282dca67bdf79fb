/**
 * Opening a model file the system hands to the app (command line, a second instance, macOS open-file): the
 * file is read here and imported through the AppService like any upload, so the same checks apply.
 */
import { basename, extname, resolve } from 'node:path';
import { IMPORT_TOO_LARGE, MAX_IMPORT_BYTES, type ModelEntry } from '../core/api/contract';
import type { TfliteSummary } from '../core/formats/tflite/inspect';
import { readRegularFile } from '../core/fs/regular-file';
import type { AppService } from '../core/service/app-service';
import { userMessage } from '../core/service/failure-message';

/** The file types the app is registered for (electron-builder fileAssociations). */
export const MODEL_FILE_EXTENSIONS = ['.h5', '.tflite'] as const;

export function isModelFile(path: string): boolean {
  return (MODEL_FILE_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());
}

/**
 * The model file named on a command line, made absolute against the directory it was given in. Options
 * (`--flag`, `-x`) and everything that is not a .h5/.tflite path (the executable, the app folder) are ignored;
 * with several, the last one wins.
 */
export function modelFileFromArgv(argv: readonly string[], cwd: string): string | undefined {
  const files = argv.filter((arg) => !arg.startsWith('-') && !arg.includes('\0') && isModelFile(arg));
  const last = files.at(-1);
  return last === undefined ? undefined : resolve(cwd, last);
}

/** Reads the file (a regular file only, refused unread when larger than an import may be) and imports it. */
export async function importModelFile(service: AppService, path: string): Promise<ModelEntry> {
  const data = await readRegularFile(path, { maxBytes: MAX_IMPORT_BYTES, tooLarge: `holds ${IMPORT_TOO_LARGE}` });
  return (await service.call('importModel', { fileName: basename(path), data: Buffer.from(data).toString('base64') })) as ModelEntry;
}

/** The error box's line for a file that could not be opened: its path, once, then the problem. */
export function openFailure(path: string, error: unknown): string {
  const message = userMessage(error);
  const named = [`${path}: `, `${basename(path)}: `].find((prefix) => message.startsWith(prefix));
  return `${path}: ${named ? message.slice(named.length) : message}`;
}

/**
 * A .tflite file is an export, not a trainable model: opening one shows what it holds (like `digit-studio
 * info`) instead of importing it.
 */
export function describeTflite(summary: TfliteSummary): string {
  const tensor = (i: number): string => {
    const t = summary.tensors[i];
    return t ? `${t.name} ${t.type} [${t.shape.join(',')}]` : `#${i}`;
  };
  return [
    `${summary.bytes.toLocaleString('en-US')} bytes, TFLite schema version ${summary.schemaVersion}`,
    summary.description ?? '',
    `Input: ${summary.inputs.map(tensor).join(', ')}`,
    `Output: ${summary.outputs.map(tensor).join(', ')}`,
    `Operators: ${summary.operators.map((op) => op.op).join(' → ')}`,
  ]
    .filter(Boolean)
    .join('\n');
}
