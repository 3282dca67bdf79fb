/**
 * The network descriptor is written by layout.ts (HEADER, LAYER) and read by the kernels (kernel/net.as), each with
 * its own hand-kept byte offsets: a field moved on one side only would make the kernels read the wrong numbers.
 * This reads net.as's constants and checks them against layout.ts, field by field, in both directions.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OP, OP_KINDS } from '../../../src/core/training/engine/conv-layout';
import { HEADER, LAYER } from '../../../src/core/training/engine/layout';

const NET_AS = readFileSync(new URL('../../../src/core/training/engine/kernel/net.as', import.meta.url), 'utf8');

/** net.as's name of each descriptor field → layout.ts's. */
const HEADER_FIELDS: Record<string, keyof typeof HEADER> = {
  LAYERS: 'layers',
  OPTIMIZER: 'optimizer',
  LR: 'learningRate',
  MOMENTUM: 'momentum',
  BETA1: 'beta1',
  ONE_MINUS_BETA1: 'oneMinusBeta1',
  BETA2: 'beta2',
  ONE_MINUS_BETA2: 'oneMinusBeta2',
  EPSILON: 'epsilon',
  BIAS_FIX1: 'biasFix1',
  BIAS_FIX2: 'biasFix2',
  CORRECT: 'correct',
  STATE_OFFSET: 'stateOffset',
  LOSS: 'loss',
  ROWS: 'rows',
  ROW_LISTS: 'rowLists',
  ROW_COUNTS: 'rowCounts',
  COL_LISTS: 'colLists',
  COL_COUNTS: 'colCounts',
  GRADS: 'grads',
  KIND: 'kind',
  SEED: 'seed',
  INPUT: 'input',
  HEADER_SIZE: 'size',
};
const LAYER_FIELDS: Record<string, keyof typeof LAYER> = {
  IN: 'inputs',
  OUT: 'units',
  COLS: 'cols',
  ACT: 'activation',
  SRC: 'src',
  SRC_STRIDE: 'srcStride',
  W: 'kernel',
  B: 'bias',
  A: 'activations',
  D: 'delta',
  LAYER_SIZE: 'size',
};
const OP_FIELDS: Record<string, keyof typeof OP> = {
  OP: 'kind',
  OP_ACT: 'activation',
  IN_H: 'inH',
  IN_W: 'inW',
  IN_C: 'inC',
  IN_CS: 'inCs',
  OUT_H: 'outH',
  OUT_W: 'outW',
  OUT_C: 'outC',
  OUT_CS: 'outCs',
  WIN_H: 'winH',
  WIN_W: 'winW',
  STRIDE_H: 'strideH',
  STRIDE_W: 'strideW',
  PAD_TOP: 'padTop',
  PAD_LEFT: 'padLeft',
  OP_SRC: 'src',
  OP_A: 'activations',
  OP_SRC_D: 'srcDelta',
  OP_D: 'delta',
  OP_W: 'kernel',
  OP_B: 'bias',
  PATCH: 'patch',
  PATCH_D: 'patchDelta',
  PATCH_K: 'patchK',
  PATCH_KS: 'patchKs',
  MASK: 'mask',
  RATE: 'rate',
  GRAD_ACC: 'gradAcc',
  KERNEL_PACKED: 'kernelPacked',
  NONZEROS: 'nonzeros',
  OP_SIZE: 'size',
};
const KIND_FIELDS: Record<string, keyof typeof OP_KINDS> = {
  OP_CONV: 'Conv2D',
  OP_MAX_POOL: 'MaxPooling2D',
  OP_AVERAGE_POOL: 'AveragePooling2D',
  OP_FLATTEN: 'Flatten',
  OP_DROPOUT: 'Dropout',
  OP_DENSE: 'Dense',
};

/** The `export const NAME = N;` lines of net.as's block that opens with the comment `// <opening>`, to its first blank line. */
function constantsOf(opening: string): Map<string, number> {
  const start = NET_AS.indexOf(`// ${opening}`);
  expect(start, `net.as has no "// ${opening}" block`).toBeGreaterThanOrEqual(0);
  const end = NET_AS.indexOf('\n\n', start);
  const constants = [...NET_AS.slice(start, end).matchAll(/^export const (\w+) = (\d+);/gm)];
  return new Map(constants.map(([, name, value]) => [name, Number(value)]));
}

describe('engine descriptor offsets: kernel/net.as agrees with layout.ts', () => {
  it.each([
    { record: 'header', opening: 'Header.', fields: HEADER_FIELDS, offsets: HEADER as Record<string, number> },
    { record: 'layer', opening: 'One 64-byte record per layer', fields: LAYER_FIELDS, offsets: LAYER as Record<string, number> },
    { record: 'operation', opening: "A convolutional network's 128-byte operation records", fields: OP_FIELDS, offsets: OP as Record<string, number> },
    { record: 'operation kind', opening: 'Operation kinds.', fields: KIND_FIELDS, offsets: OP_KINDS as Record<string, number> },
  ])('$record record: every field at the same byte offset, none kept on one side only', ({ opening, fields, offsets }) => {
    const kernel = constantsOf(opening);
    const fromKernel = Object.fromEntries([...kernel].map(([name, value]) => [fields[name] ?? `(net.as ${name}: unknown to this test)`, value]));
    expect(fromKernel).toEqual(offsets);
  });
});
