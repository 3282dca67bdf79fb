/**
 * What a failure tells the user: one line, in words they can act on. Refusals (ApiError) and model file problems
 * (ModelFileError, "<file>: <problem>") are worded for the user where they arise. Everything else is put into such
 * words here: a file system error becomes its cause with the folder it happened in (never a temp file or working
 * folder the user has never seen, nor an errno code alone); a programming error becomes "an unexpected problem",
 * its own message going to stderr for whoever diagnoses it. The service's callers (the IPC handler, the web
 * socket, the job thread's reply) pass every failure through userMessage; the service itself keeps the error's
 * type, so a crash is still a crash to the tests that look for one.
 */
import { basename, dirname } from 'node:path';
import { ApiError } from '../api/contract';
import { firstLine } from '../api/first-line';
import { ModelFileError } from '../formats/model-error';
import { WORKING_FOLDER_PREFIXES } from './library-layout';

/** Causes of a failed write the user can do something about. */
const WRITE_CAUSES: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EACCES: 'the folder is not writable',
  EPERM: 'the folder is not writable',
  ENOENT: 'the folder is missing',
  ENOTDIR: 'a file is where the folder should be',
};

/** Errors of a JavaScript program's own making: their messages speak of its internals ("undefined", "reading 'x'"). */
const PROGRAMMING_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError];

const UNEXPECTED = 'an unexpected problem stopped this: try again, and restart Digit Studio if it happens again';

function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/**
 * A failed file operation in the system's words with its code, without the path: "permission denied (EACCES)"
 * from Node's "EACCES: permission denied, open '<path>'". Any other error: its first line.
 */
export function fileProblem(error: unknown): string {
  const code = errnoCode(error);
  if (!code) return firstLine(error);
  const words = new RegExp(`\\b${code}: ([^,]+)`).exec(firstLine(error))?.[1];
  return `${words ?? 'the system refused it'} (${code})`;
}

/**
 * A failed write in words, with the system's code in brackets. The format writers fold the code into their
 * message ("<file>: cannot write: ENOSPC: …"), so it is looked for there too.
 */
export function writeProblem(error: unknown): string {
  const message = firstLine(error);
  const code = errnoCode(error) ?? Object.keys(WRITE_CAUSES).find((c) => new RegExp(`\\b${c}\\b`).test(message));
  if (code && WRITE_CAUSES[code]) return `${WRITE_CAUSES[code]} (${code})`;
  // A model file error names the file it was writing (a temp name): keep only the problem.
  return error instanceof ModelFileError ? message.slice(error.file.length + 2) : fileProblem(error);
}

/** The folder a file error happened in, as the user knows it: a working folder (`.import-…`) is named by its parent. */
function visibleFolder(path: string): string {
  const folder = dirname(path);
  return WORKING_FOLDER_PREFIXES.some((prefix) => basename(folder).startsWith(prefix)) ? dirname(folder) : folder;
}

/** The one line the user is shown for `error`. */
export function userMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof ModelFileError) return firstLine(error);
  if (errnoCode(error)) {
    const { path } = error as NodeJS.ErrnoException;
    return path ? `${visibleFolder(path)}: ${fileProblem(error)}` : fileProblem(error);
  }
  if (PROGRAMMING_ERRORS.some((kind) => error instanceof kind)) {
    console.error(`digit-studio: unexpected error: ${firstLine(error)}`);
    return UNEXPECTED;
  }
  return firstLine(error);
}
