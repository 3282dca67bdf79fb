/** A tfjs model saved by tfjs' own serializer, as a model.json + weights pair in a folder (how a tfjs user would save it). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';

/** Saves `model` as <dir>/tfjs-saved.json + tfjs-saved.bin; returns the model.json path. */
export async function saveWithTfjs(model: tf.LayersModel, dir: string): Promise<string> {
  const saved = join(dir, 'tfjs-saved.json');
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      writeFileSync(join(dir, 'tfjs-saved.bin'), new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData)));
      writeFileSync(saved, JSON.stringify({ modelTopology: artifacts.modelTopology, weightsManifest: [{ paths: ['tfjs-saved.bin'], weights: artifacts.weightSpecs }] }));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return saved;
}
