/**
 * The labels file an app loads next to the model: `<name>.txt`, one label per output index, line by line.
 * "words" is what the seed's phone app ships (Zero … Nine); "digits" is 0 … 9.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { LabelStyle } from '../../api/export-options';

const WORDS = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine'];

export function labelNames(style: LabelStyle): string[] {
  return style === 'words' ? WORDS : WORDS.map((_, digit) => String(digit));
}

export function labelsText(style: LabelStyle): string {
  return `${labelNames(style).join('\n')}\n`;
}

/** out/model.tflite → out/model.txt */
export function labelsPathFor(modelPath: string): string {
  return join(dirname(modelPath), `${basename(modelPath, extname(modelPath))}.txt`);
}
