/**
 * A .tflite as TensorFlow Lite for Microcontrollers embeds it: a C++ source with the bytes as
 * `alignas(16) const unsigned char g_<name>_model[]` (`xxd -i` layout, 12 bytes a line) and its length, and a header
 * declaring both with include guards. 16-byte alignment because TFLM reads the flatbuffer in place and its tensors'
 * data must be aligned; the source includes its header so that the `const` arrays get external linkage in C++.
 */
import { basename, dirname, extname, join } from 'node:path';

const BYTES_PER_LINE = 12;

export interface CArrayFiles {
  /** g_<name>_model */
  symbol: string;
  sourceFile: string;
  headerFile: string;
  source: string;
  header: string;
}

/** A C identifier from a file name: anything but letters, digits and _ becomes _ ("digits-int8" → "digits_int8"). */
export function cIdentifier(name: string): string {
  const id = name.replace(/[^A-Za-z0-9_]/g, '_');
  return id === '' ? 'model' : id;
}

function hexLines(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += BYTES_PER_LINE) {
    lines.push(`  ${Array.from(bytes.subarray(i, i + BYTES_PER_LINE), (b) => `0x${b.toString(16).padStart(2, '0')}`).join(', ')}`);
  }
  return lines.join(',\n');
}

/** The .cc and .h for the model file at `modelPath` (written next to it, named after it). */
export function cArrayFiles(bytes: Uint8Array, modelPath: string): CArrayFiles {
  const name = basename(modelPath, extname(modelPath));
  const id = cIdentifier(name);
  const symbol = `g_${id}_model`;
  const headerName = `${name}.h`;
  const guard = `${symbol.toUpperCase()}_H_`; // starts with G_: a macro name may not start with a digit
  const header = [
    `// ${basename(modelPath)} for TensorFlow Lite for Microcontrollers, written by Digit Studio.`,
    `#ifndef ${guard}`,
    `#define ${guard}`,
    '',
    `extern const unsigned char ${symbol}[];`,
    `extern const unsigned int ${symbol}_len;`,
    '',
    `#endif  // ${guard}`,
    '',
  ].join('\n');
  const source = [
    `// ${basename(modelPath)} (${bytes.length} bytes) for TensorFlow Lite for Microcontrollers, written by Digit Studio.`,
    `#include "${headerName}"`,
    '',
    `alignas(16) const unsigned char ${symbol}[] = {`,
    hexLines(bytes),
    '};',
    `const unsigned int ${symbol}_len = ${bytes.length};`,
    '',
  ].join('\n');
  const dir = dirname(modelPath);
  return { symbol, sourceFile: join(dir, `${name}.cc`), headerFile: join(dir, headerName), source, header };
}
