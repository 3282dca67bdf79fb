/**
 * The NormalizationOptions a .tflite's TFLite Model Metadata (tensorflow/tflite-support metadata_schema.fbs) gives
 * its input: (pixel − mean) / std per channel is what a float32 model takes, as MediaPipe and the Task Library
 * feed it. Only that is read here.
 */
import { CheckedByteBuffer } from './checked-byte-buffer';
import { ModelMetadata, NormalizationOptions, ProcessUnitOptions } from './schema/metadata/metadata_schema_generated';
import { Model } from './schema/tflite_generated';

/** The Model.metadata entry that names the metadata buffer, as the official writer spells it. */
const METADATA_NAME = 'TFLITE_METADATA';

/** One value, or one per colour channel. */
export interface Normalization {
  mean: number[];
  std: number[];
}

/**
 * The input's normalization, or null when the file has no metadata or the metadata gives none.
 * @throws Error when the metadata is there but unreadable or its normalization divides by zero
 */
export function metadataNormalization(bytes: Uint8Array): Normalization | null {
  const model = Model.getRootAsModel(new CheckedByteBuffer(new Uint8Array(bytes)));
  const entry = Array.from({ length: model.metadataLength() }, (_, i) => model.metadata(i)!).find((m) => m.name() === METADATA_NAME);
  const data = entry && model.buffers(entry.buffer())?.dataArray();
  if (!data) return null;
  try {
    const bb = new CheckedByteBuffer(new Uint8Array(data));
    if (!ModelMetadata.bufferHasIdentifier(bb)) throw new Error('no "M001" file identifier');
    const input = ModelMetadata.getRootAsModelMetadata(bb).subgraphMetadata(0)?.inputTensorMetadata(0);
    for (let u = 0; u < (input?.processUnitsLength() ?? 0); u++) {
      const unit = input!.processUnits(u)!;
      if (unit.optionsType() !== ProcessUnitOptions.NormalizationOptions) continue;
      const options = unit.options(new NormalizationOptions()) as NormalizationOptions;
      const normalization = { mean: Array.from(options.meanArray() ?? [0]), std: Array.from(options.stdArray() ?? [1]) };
      if (normalization.std.some((s) => s === 0)) throw new Error('its NormalizationOptions divide by a std of 0');
      return normalization;
    }
    return null;
  } catch (error) {
    throw new Error(`the file's ${METADATA_NAME} is not readable: ${(error as Error).message}`);
  }
}
