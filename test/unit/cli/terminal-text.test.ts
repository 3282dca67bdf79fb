import { describe, expect, it } from 'vitest';
import { terminalJson, terminalText } from '../../../src/cli/terminal-text';

/** Clears the screen, sets the title, the one-byte C1 CSI, DEL, a right-to-left override, a line break. */
const HOSTILE = '\u001b[2J\u001b]0;title\u0007a\u009b31mb\u007fc\u202ed\r\ne\u0000';

describe('terminal text', () => {
  it('removes control and bidirectional characters and makes line breaks spaces', () => {
    expect(terminalText(HOSTILE)).toBe('[2J]0;titlea31mbcd e');
  });

  it('keeps ordinary text, accents, arrows and emoji', () => {
    expect(terminalText('Dense 784→128, modèle 🙂 "x"')).toBe('Dense 784→128, modèle 🙂 "x"');
  });

  it('writes JSON with every unsafe character escaped, which parses back to the very same value', () => {
    const json = terminalJson({ description: HOSTILE, names: [HOSTILE] });
    expect(json).not.toMatch(/[\p{Cc}\p{Bidi_Control}]/u);
    expect(JSON.parse(json)).toEqual({ description: HOSTILE, names: [HOSTILE] });
  });
});
