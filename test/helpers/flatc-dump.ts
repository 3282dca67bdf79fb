/**
 * A .tflite file as Debian's flatc reads it with the official TFLite schema from ../shared/verify (an independent
 * parser: every table and field, defaults included, as JSON).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { VERIFY_DIR } from './verify-kit';

const SCHEMA = `${VERIFY_DIR}tools/tflite_schema_flatc2.fbs`;
const dir = mkdtempSync(join(tmpdir(), 'digit-studio-flatc-'));

export interface FlatcTensor {
  shape: number[];
  type: string;
  buffer: number;
  name: string;
  quantization?: { scale?: number[]; zero_point?: number[]; quantized_dimension: number };
}
export interface FlatcOperator {
  opcode_index: number;
  inputs: number[];
  outputs: number[];
  builtin_options_type: string;
  builtin_options?: Record<string, unknown>;
}
export interface FlatcModel {
  version: number;
  operator_codes: Array<{ builtin_code: string; deprecated_builtin_code: number; version: number }>;
  subgraphs: Array<{ tensors: FlatcTensor[]; inputs: number[]; outputs: number[]; operators: FlatcOperator[] }>;
  description?: string;
  buffers: Array<{ data?: number[] }>;
  metadata?: Array<{ name: string; buffer: number }>;
  signature_defs: Array<{ signature_key: string; inputs: Array<{ name: string; tensor_index: number }>; outputs: Array<{ name: string; tensor_index: number }> }>;
}

/** flatc's JSON of a .tflite file on disk. */
export function flatcDumpFile(file: string): FlatcModel {
  const result = spawnSync('flatc', ['--json', '--strict-json', '--raw-binary', '--defaults-json', '-o', dir, SCHEMA, '--', file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`flatc failed on ${file}: ${result.stderr}`);
  return JSON.parse(readFileSync(join(dir, `${basename(file, '.tflite')}.json`), 'utf8')) as FlatcModel;
}

/** flatc's JSON of .tflite bytes. */
export function flatcDump(bytes: Uint8Array, name: string): FlatcModel {
  const file = join(dir, `${name}.tflite`);
  writeFileSync(file, bytes);
  return flatcDumpFile(file);
}

/** The operator names of the main subgraph, in execution order. */
export const opNames = (j: FlatcModel): string[] => j.subgraphs[0].operators.map((o) => j.operator_codes[o.opcode_index].builtin_code);

/** A constant tensor's bytes (empty for activations). */
export const tensorBytes = (j: FlatcModel, t: FlatcTensor): number[] => j.buffers[t.buffer]?.data ?? [];
