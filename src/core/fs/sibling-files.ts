/**
 * The one rule for a file that names other files (a TF.js model.json names its weights files): each name must be
 * a plain file name in the same folder, and the named files are read as regular files only, never through a
 * symbolic link, and never beyond the number of bytes the naming file says they hold; each file's size is checked
 * before it is read. A refusal is one line naming the offending name and never tells anything about a file
 * outside the folder, since no such file is ever opened.
 */
import { basename, dirname, join } from 'node:path';
import { escapeUnsafe } from '../api/unsafe-text';
import { FileReadError, readRegularFile } from './regular-file';

/** tfjs writes weights names as "./model.weights.bin"; that prefix still means "in this folder". */
const CURRENT_FOLDER = './';
const MAX_NAME_LENGTH = 255;
/** Unicode's Cc: C0 (with NUL and newlines), DEL and C1. */
const CONTROL_CHARACTERS = /\p{Cc}/u;

function nameProblem(name: string): string | null {
  if (name === '') return 'is empty';
  if (name.length > MAX_NAME_LENGTH) return 'is too long';
  if (/[/\\]/.test(name)) return 'is a path (it has a folder separator)';
  if (name.includes('..')) return 'has ".."';
  // tfjs resolves these names as URLs, so "%2e%2e%2f" means "../" to it; Digit Studio refuses any escape at all.
  if (name.includes('%')) return 'has a URL-encoded escape';
  if (name.includes(':')) return 'is a URL or a drive path';
  if (CONTROL_CHARACTERS.test(name)) return 'has control characters';
  return null;
}

/** The name as it may appear in a one-line error: quoted, shortened, control and bidirectional characters escaped. */
function shown(name: string): string {
  const quoted = JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
  return escapeUnsafe(quoted);
}

/**
 * The plain file name `owner` gives as `name` (without a leading "./").
 * @throws FileReadError naming `owner` and the refused name
 */
export function siblingFileName(owner: string, name: unknown, what: string): string {
  const text = String(name);
  const plain = typeof name === 'string' && name.startsWith(CURRENT_FOLDER) ? name.slice(CURRENT_FOLDER.length) : text;
  const problem = typeof name === 'string' ? nameProblem(plain) : 'is not a string';
  if (problem) throw new FileReadError(owner, `${what} ${shown(text)} is refused: it ${problem}; only a plain file next to ${basename(owner)} may be named`);
  return plain;
}

/**
 * The files `owner` names, in order, holding at most `maxTotalBytes` together.
 * @throws FileReadError naming `owner` and the file that was refused or unreadable
 */
export async function readSiblingFiles(owner: string, names: readonly unknown[], what: string, maxTotalBytes: number): Promise<Uint8Array[]> {
  const plainNames = names.map((name) => siblingFileName(owner, name, what));
  const parts: Uint8Array[] = [];
  let remaining = maxTotalBytes;
  for (const name of plainNames) {
    const limits = { maxBytes: remaining, tooLarge: `holds more bytes than ${basename(owner)} says its ${what}s take`, noFollow: true };
    const bytes = await readRegularFile(join(dirname(owner), name), limits).catch((error: unknown) => {
      if (!(error instanceof FileReadError)) throw error;
      throw new FileReadError(owner, `${what} ${shown(name)}: ${error.problem}`);
    });
    parts.push(bytes);
    remaining -= bytes.length;
  }
  return parts;
}
