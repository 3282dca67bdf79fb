/**
 * Text from a file on its way to a terminal. A model file's strings (layer and tensor names, descriptions, Keras
 * versions) are the file author's: an escape sequence among them could recolour, rewrite or hide what the
 * terminal shows, set its title, or on some terminals answer back. Control characters (C0 including ESC and
 * newlines, DEL, C1 including the one-byte CSI) and the bidirectional overrides that reorder text on screen are
 * removed from everything the CLI prints that came from a file; line breaks become spaces, so a line stays one.
 */
import { UNSAFE_TEXT, escapeUnsafe } from '../core/api/unsafe-text';

/** One line of printable text: line breaks become spaces, the other unsafe characters are removed. */
export function terminalText(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(UNSAFE_TEXT, '');
}

/** JSON for the terminal: the same value, with unsafe characters inside strings written as \u escapes. */
export function terminalJson(value: unknown): string {
  // JSON.stringify escapes C0 itself but writes DEL, C1 and the bidirectional controls as they are.
  return escapeUnsafe(JSON.stringify(value));
}

/** Prints one line that may hold strings from a file. */
export function printLine(text: string): void {
  console.log(terminalText(text));
}

/** Prints a JSON event that may hold strings from a file. */
export function printJson(value: unknown): void {
  console.log(terminalJson(value));
}
