// Softmax cross-entropy on the output layer's logits, as tf.losses.softmaxCrossEntropy computes it.
import { CORRECT, LOSS } from './net';

/**
 * For rows 0..n of logits (stride cols, the first classes real): adds up -log softmax[label] into the
 * header's LOSS and the argmax hits into CORRECT. With a delta buffer, also writes the gradient of the mean
 * loss over a batch of `batch` samples (n, or more when two workers split it) w.r.t. the logits,
 * (softmax - onehot) / batch, and zeroes the padding rows up to rows.
 */
export function softmaxLoss(net: usize, logits: usize, cols: i32, classes: i32, labels: usize, order: usize, n: i32, batch: i32, delta: usize, rows: i32): void {
  const rowBytes = <usize>cols << 2;
  const invN = <f32>1 / <f32>batch;
  let loss: f64 = 0;
  let correct = 0;
  for (let r = 0; r < n; r++) {
    const z = logits + <usize>r * rowBytes;
    const label = <i32>load<u8>(labels + load<u32>(order + (<usize>r << 2)));
    let best = 0;
    let top = load<f32>(z);
    for (let j = 1; j < classes; j++) {
      const value = load<f32>(z + (<usize>j << 2));
      if (value > top) {
        top = value;
        best = j;
      }
    }
    let sum: f32 = 0;
    for (let j = 0; j < classes; j++) sum += Mathf.exp(load<f32>(z + (<usize>j << 2)) - top);
    const lse = Mathf.log(sum) + top;
    loss += <f64>(lse - load<f32>(z + (<usize>label << 2)));
    if (best === label) correct++;
    if (delta === 0) continue;
    const d = delta + <usize>r * rowBytes;
    for (let j = 0; j < classes; j++) {
      const p = Mathf.exp(load<f32>(z + (<usize>j << 2)) - lse);
      store<f32>(d + (<usize>j << 2), ((j === label ? p - 1 : p)) * invN);
    }
  }
  if (delta !== 0) memory.fill(delta + <usize>n * rowBytes, 0, <usize>(rows - n) * rowBytes);
  store<f64>(net + LOSS, loss);
  store<i32>(net + CORRECT, correct);
}
