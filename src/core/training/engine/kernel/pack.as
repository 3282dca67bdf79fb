// A Conv2D kernel [k][cols] repacked once per call: for gemm() (forward.as) into contiguous 16-column blocks (stored,
// a block's rows are cols floats apart: at a 256-byte stride they map onto a quarter of the L1 cache's sets, so a
// block of a few hundred rows would not stay there while tiles of rows pass over it), and transposed.

/** packed [cols / 16][k][16] = w [k][cols]. */
export function packColumns(w: usize, k: i32, cols: i32, packed: usize): void {
  const rowBytes = <usize>cols << 2;
  let to = packed;
  for (let c: usize = 0; c < rowBytes; c += 64) {
    for (let r = 0; r < k; r++) {
      const from = w + <usize>r * rowBytes + c;
      v128.store(to, v128.load(from));
      v128.store(to, v128.load(from, 16), 16);
      v128.store(to, v128.load(from, 32), 32);
      v128.store(to, v128.load(from, 48), 48);
      to += 64;
    }
  }
}

/**
 * The kernel transposed: wT [cols][stride] = w [k][cols] transposed, columns from k to stride (a multiple of 16) zero,
 * for the input gradient d . w^T (conv-sparse.as).
 */
export function packTransposed(w: usize, k: i32, cols: i32, stride: i32, wT: usize): void {
  const rowBytes = <usize>cols << 2;
  let to = wT;
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < stride; i++) store<f32>(to + (<usize>i << 2), i < k ? load<f32>(w + <usize>i * rowBytes + (<usize>j << 2)) : 0);
    to += <usize>stride << 2;
  }
}
