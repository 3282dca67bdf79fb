/** What the augmentation worker is started with, and what it answers to each epoch number it is sent. */
export interface AugmentWorkerData {
  /** The training images, count × 784 bytes; never written. */
  source: SharedArrayBuffer;
  /** Where each requested epoch's distorted images are written (same size). */
  target: SharedArrayBuffer;
  /** The digit of each image (a copy). */
  labels: Uint8Array;
  seed: number;
}

export interface AugmentReply {
  epoch: number;
  milliseconds: number;
}
