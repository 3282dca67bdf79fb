// Network descriptor: a block of plain fields written by ../layout.ts before the first call and read by
// every kernel. Offsets in bytes; keep both files in step (test/unit/training/engine-descriptor-offsets.test.ts).

// Header.
export const LAYERS = 0; //        i32 number of Dense layers (a convolutional network: of operations)
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
export const KIND = 44; //         i32 0 a Dense stack (layer records), 1 a convolutional network (operation records)
export const CORRECT = 48; //      i32 out: samples whose argmax matched the label
export const STATE_OFFSET = 52; // i32 bytes from a parameter to its first optimizer slot (second slot: twice that)
export const LOSS = 56; //         f64 out: summed cross-entropy of the call's samples
export const ROWS = 64; //         i32 batch rows the workspace holds
export const ROW_LISTS = 68; //    ptr per batch row: (input index i32, value f32) of its nonzero inputs [ROWS][inputs]
export const ROW_COUNTS = 72; //   ptr i32 [ROWS]
export const COL_LISTS = 76; //    ptr per input: (row i32, value f32) of the rows where it is nonzero [inputs][ROWS]
export const COL_COUNTS = 80; //   ptr i32 [inputs]
export const GRADS = 84; //        i32 two workers: bytes from a parameter to this worker's gradient of it
export const SEED = 88; //         u32 convolutional network: dropout's xorshift32 state, advanced by every training call
export const INPUT = 92; //        ptr convolutional network: the batch's images, pixel / 255 [rows][784]
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

// A convolutional network's 128-byte operation records after the header. Tensors are [rows][h][w][cs]: the
// real channels c first, the rest of the channel stride cs zero; a Dense operation's are [rows][cs].
export const OP = 0; //          i32 OP_CONV, OP_MAX_POOL, OP_AVERAGE_POOL, OP_FLATTEN, OP_DROPOUT or OP_DENSE
export const OP_ACT = 4; //      i32 activation of a Conv2D or Dense operation
export const IN_H = 8;
export const IN_W = 12;
export const IN_C = 16; //       i32 real input channels (a Dense operation: real inputs)
export const IN_CS = 20; //      i32 input channel stride (a Dense operation: input row stride, rows of W)
export const OUT_H = 24;
export const OUT_W = 28;
export const OUT_C = 32;
export const OUT_CS = 36; //     i32 output channel stride: a multiple of 16 for Conv2D and Dense (columns of W)
export const WIN_H = 40; //      i32 kernel or pool window
export const WIN_W = 44;
export const STRIDE_H = 48;
export const STRIDE_W = 52;
export const PAD_TOP = 56;
export const PAD_LEFT = 60;
export const OP_SRC = 64; //     ptr input tensor (the previous operation's output, or the header's INPUT)
export const OP_A = 68; //       ptr output tensor
export const OP_SRC_D = 72; //   ptr loss gradient w.r.t. the input tensor (0 for the first operation)
export const OP_D = 76; //       ptr loss gradient w.r.t. the output (pre-activation once the backward pass reaches it)
export const OP_W = 80; //       ptr kernel [KS or IN_CS][OUT_CS], padding zero
export const OP_B = 84; //       ptr bias [OUT_CS]
export const PATCH = 88; //      ptr Conv2D: im2col patches [rows * oh * ow][KS]
export const PATCH_D = 92; //    ptr Conv2D: their loss gradient, row stride PATCH_KS padded to 16
export const PATCH_K = 96; //    i32 Conv2D: real patch width kh * kw * c
export const PATCH_KS = 100; //  i32 Conv2D: patch row stride, a multiple of 4
export const MASK = 104; //      ptr max pooling: winners (i32 per output); dropout: factors (f32 per output)
export const RATE = 108; //      f32 dropout rate
export const GRAD_ACC = 112; //  ptr Conv2D: scratch for the kernel gradient [PATCH_KS][OUT_CS] (transposed when sparse)
export const KERNEL_PACKED = 116; // ptr Conv2D: the kernel repacked (pack.as), [OUT_CS][PATCH_KS padded to 16]
export const NONZEROS = 120; //  ptr Conv2D: scratch lists of the output gradient's nonzeros (conv-sparse.as)
export const OP_SIZE = 128;

// Operation kinds.
export const OP_CONV = 1;
export const OP_MAX_POOL = 2;
export const OP_AVERAGE_POOL = 3;
export const OP_FLATTEN = 4;
export const OP_DROPOUT = 5;
export const OP_DENSE = 6;

export const KIND_CONV = 1;

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

@inline export function op(net: usize, index: i32): usize {
  return net + HEADER_SIZE + <usize>index * OP_SIZE;
}
