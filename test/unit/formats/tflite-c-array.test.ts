/**
 * The TensorFlow Lite for Microcontrollers C array, judged by the system's C++ compiler: the .cc and .h written by
 * `exportTflite(..., { cArray: true })` compile and link with a small program that prints the array's bytes, its
 * length and its address alignment; they must equal the .tflite next to them. Without a compiler the array is read
 * back from the source text instead.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mlpSpec, type TrainedModel } from '../../../src/core/api/model-spec';
import { cIdentifier } from '../../../src/core/formats/tflite/c-array';
import { exportTflite } from '../../../src/core/formats/tflite/export';

const dir = mkdtempSync(join(tmpdir(), 'digit-studio-c-array-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const compiler = ['c++', 'g++', 'clang++'].find((cxx) => spawnSync('sh', ['-c', `command -v ${cxx}`]).status === 0);

function smallModel(): TrainedModel {
  const spec = mlpSpec([8]);
  let seed = 3;
  const next = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 0.2;
  let inputs = spec.inputSize;
  const weights = spec.layers.map(({ units }) => {
    const layer = { kernel: Float32Array.from({ length: inputs * units }, next), bias: Float32Array.from({ length: units }, next) };
    inputs = units;
    return layer;
  });
  return { spec, weights };
}

/** The array's bytes, its _len and its address modulo 16, as the compiled program prints them. */
function compiledArray(sourceFile: string, header: string, symbol: string): { bytes: Uint8Array; length: number; misalignment: number } {
  const main = join(dir, 'main.cc');
  writeFileSync(
    main,
    [
      '#include <cstdint>',
      '#include <cstdio>',
      `#include "${header}"`,
      'int main() {',
      `  std::fwrite(${symbol}, 1, ${symbol}_len, stdout);`,
      `  std::fprintf(stderr, "%u %u", ${symbol}_len, static_cast<unsigned>(reinterpret_cast<std::uintptr_t>(${symbol}) % 16));`,
      '}',
    ].join('\n'),
  );
  const program = join(dir, 'main');
  const build = spawnSync(compiler!, ['-std=c++11', '-Wall', '-Werror', '-I', dir, '-o', program, main, sourceFile], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  const run = spawnSync(program, { maxBuffer: 16 * 1024 * 1024 });
  expect(run.status).toBe(0);
  const [length, misalignment] = run.stderr.toString().split(' ').map(Number);
  return { bytes: new Uint8Array(run.stdout), length, misalignment };
}

/** Without a compiler: the initializer's hex bytes and the _len value, read from the text. */
function parsedArray(source: string, symbol: string): { bytes: Uint8Array; length: number; misalignment: number } {
  const body = source.slice(source.indexOf(`${symbol}[] = {`), source.indexOf('};'));
  const bytes = Uint8Array.from(body.match(/0x[0-9a-f]{2}/g)!.map((h) => parseInt(h, 16)));
  const length = Number(new RegExp(`${symbol}_len = (\\d+);`).exec(source)![1]);
  return { bytes, length, misalignment: source.includes(`alignas(16) const unsigned char ${symbol}[]`) ? 0 : 1 };
}

describe('--c-array: a TFLM C array next to the .tflite', () => {
  it(`the .cc and .h ${compiler ? `compile with ${compiler}` : 'parse'} to the .tflite's bytes, 16-byte aligned, with its length`, async () => {
    const file = join(dir, '1st model-v2.tflite');
    const result = await exportTflite(smallModel(), file, { quantize: 'none', inputShape: '784', labels: 'digits', cArray: true });
    expect(result.cArrayFiles).toEqual([join(dir, '1st model-v2.cc'), join(dir, '1st model-v2.h')]);
    const symbol = `g_${cIdentifier('1st model-v2')}_model`;
    expect(symbol).toBe('g_1st_model_v2_model');
    const tflite = readFileSync(file);
    const source = readFileSync(result.cArrayFiles[0], 'utf8');
    const array = compiler ? compiledArray(result.cArrayFiles[0], '1st model-v2.h', symbol) : parsedArray(source, symbol);
    expect(array.length).toBe(tflite.length);
    expect(Buffer.from(array.bytes).equals(tflite)).toBe(true);
    expect(array.misalignment).toBe(0);
    const header = readFileSync(result.cArrayFiles[1], 'utf8');
    expect(header).toMatch(/#ifndef G_1ST_MODEL_V2_MODEL_H_\n#define G_1ST_MODEL_V2_MODEL_H_/);
  });

  it('is not written unless asked for', async () => {
    const result = await exportTflite(smallModel(), join(dir, 'plain.tflite'), { quantize: 'none', inputShape: '784', labels: 'digits' });
    expect(result.cArrayFiles).toEqual([]);
  });
});
