/**
 * Writes the two IDX variants MNIST uses (the layout is described in ./idx.ts): unsigned-byte images
 * (magic 0x00000803, dimensions count × rows × cols) and unsigned-byte labels (magic 0x00000801, dimension
 * count). The files read back with parseIdx and with the usual MNIST loaders of other tools.
 */
import { IMAGES_MAGIC, LABELS_MAGIC } from './idx';

function idxFile(magic: number, dims: readonly number[], data: Uint8Array): Uint8Array {
  const header = 4 + 4 * dims.length;
  const out = new Uint8Array(header + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, magic);
  dims.forEach((size, i) => view.setUint32(4 + 4 * i, size));
  out.set(data, header);
  return out;
}

/** An images file of `count` row-major rows × cols images; pixels must hold exactly that many bytes. */
export function idxImagesBytes(pixels: Uint8Array, count: number, rows: number, cols: number): Uint8Array {
  if (pixels.length !== count * rows * cols) {
    throw new RangeError(`${count} images of ${rows}x${cols} need ${count * rows * cols} bytes, got ${pixels.length}`);
  }
  return idxFile(IMAGES_MAGIC, [count, rows, cols], pixels);
}

export function idxLabelsBytes(labels: Uint8Array): Uint8Array {
  return idxFile(LABELS_MAGIC, [labels.length], labels);
}
