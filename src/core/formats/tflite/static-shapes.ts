/**
 * TensorFlow's converters mark a dynamic batch dimension as −1 in each tensor's shape_signature (its `shape`
 * holds 1 there). LiteRT.js then asks for exactly [−1, …] and refuses every real tensor, since it has no call
 * that resizes an input. Pinning each −1 to the size `shape` records for it gives the model TFLite's interpreter
 * runs before any resize: same operators, same weights, a static batch.
 */
import { CheckedByteBuffer } from './checked-byte-buffer';
import { Model } from './schema/tflite_generated';

/** A copy of the file with every −1 of every shape_signature replaced by the size its shape gives. */
export function withStaticShapes(bytes: Uint8Array): Uint8Array {
  // An offset-0 copy: the bindings view the int32 vectors in place (writable, aligned), so they are edited there.
  const copy = new Uint8Array(bytes);
  const model = Model.getRootAsModel(new CheckedByteBuffer(copy));
  for (let g = 0; g < model.subgraphsLength(); g++) {
    const graph = model.subgraphs(g)!;
    for (let t = 0; t < graph.tensorsLength(); t++) {
      const tensor = graph.tensors(t)!;
      const signature = tensor.shapeSignatureArray();
      const shape = tensor.shapeArray();
      if (!signature || !shape || signature.length !== shape.length) continue;
      signature.forEach((size, axis) => {
        if (size === -1) signature[axis] = shape[axis];
      });
    }
  }
  return copy;
}
