// Network descriptor: a block of plain fields written by ../layout.ts before the first call and read by
// every kernel. Offsets in bytes; keep both files in step (test/unit/training/engine-descriptor-offsets.test.ts).

// Header.
export const LAYERS = 0; //        i32 number of Dense layers
export const OPTIMIZER = 4; //     i32 0 sgd, 1 momentum, 2 adam
export const LR = 8; //            f32 learning rate
export const MOMENTUM = 12; //     f32
export const BETA1 = 16; //        f32
export const ONE_MINUS_BETA1 = 20;
export const BETA2 = 24;
export const ONE_MINUS_BETA2 = 28;
export const EPSILON = 32;
export const BIAS_FIX1 = 36; //    f32 1 - beta1^t, set by the host before each Adam step
export const BIAS_FIX2 = 40; //    f32 1 - beta2^t
export const CORRECT = 48; //      i32 out: samples whose argmax matched the label
export const STATE_OFFSET = 52; // i32 bytes from a parameter to its first optimizer slot (second slot: twice that)
export const LOSS = 56; //         f64 out: summed cross-entropy of the call's samples
export const ROWS = 64; //         i32 batch rows the workspace holds
export const ROW_LISTS = 68; //    ptr per batch row: (input index i32, value f32) of its nonzero inputs [ROWS][inputs]
export const ROW_COUNTS = 72; //   ptr i32 [ROWS]
export const COL_LISTS = 76; //    ptr per input: (row i32, value f32) of the rows where it is nonzero [inputs][ROWS]
export const COL_COUNTS = 80; //   ptr i32 [inputs]
export const GRADS = 84; //        i32 two workers: bytes from a parameter to this worker's gradient of it
export const HEADER_SIZE = 96;

// One 64-byte record per layer after the header.
export const IN = 0; //        i32 real inputs
export const OUT = 4; //       i32 real units
export const COLS = 8; //      i32 units padded to a multiple of 16: row stride of W, bias, A and D
export const ACT = 12; //      i32 0 linear, 1 relu, 2 sigmoid, 3 tanh, 4 softmax
export const SRC = 16; //      ptr input activations [rows][SRC_STRIDE] (the first layer reads the sparse lists)
export const SRC_STRIDE = 20; // i32 inputs padded to a multiple of 16: rows of W
export const W = 24; //        ptr kernel [SRC_STRIDE][COLS], padding rows and columns zero
export const B = 28; //        ptr bias [COLS]
export const A = 32; //        ptr activations [rows][COLS]
export const D = 36; //        ptr loss gradient w.r.t. the pre-activations [rows][COLS]
export const LAYER_SIZE = 64;

export const ACT_LINEAR = 0;
export const ACT_RELU = 1;
export const ACT_SIGMOID = 2;
export const ACT_TANH = 3;

export const OPT_SGD = 0;
export const OPT_MOMENTUM = 1;

@inline export function layer(net: usize, index: i32): usize {
  return net + HEADER_SIZE + <usize>index * LAYER_SIZE;
}

@inline export function i32At(record: usize, field: usize): i32 {
  return load<i32>(record + field);
}

@inline export function ptrAt(record: usize, field: usize): usize {
  return load<usize>(record + field);
}

@inline export function splatAt(record: usize, field: usize): v128 {
  return v128.load32_splat(record + field);
}
