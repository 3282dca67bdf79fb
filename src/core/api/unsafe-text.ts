/**
 * Characters that must not reach a terminal or a one-line message as they are, when the text came from a file: an
 * escape sequence could recolour, rewrite or hide what is shown, and a bidirectional override reorders it.
 */

/** Control characters (Unicode's Cc: C0 with ESC and newlines, DEL, C1) and the bidirectional controls. */
export const UNSAFE_TEXT = /[\p{Cc}\p{Bidi_Control}]/gu;

/** JSON text with every unsafe character written as a \u escape (JSON.stringify leaves DEL, C1 and bidi as they are). */
export function escapeUnsafe(json: string): string {
  return json.replace(UNSAFE_TEXT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
