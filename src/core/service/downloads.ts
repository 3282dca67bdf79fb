/**
 * Files the user downloads: Keras .h5 and TFLite (verified in LiteRT.js before it is handed over) from the
 * library, and the saved drawings as MNIST-format IDX files.
 */
import { bytesToBase64 } from '../api/base64';
import { ApiError, type Request, type Responses } from '../api/contract';
import type { LayerModel } from '../api/layer-model';
import { idxImagesBytes, idxLabelsBytes, type DigitSet, type Mnist } from '../dataset';
import { saveModelToH5Bytes } from '../formats/hdf5/write-h5';
import { cArrayFiles } from '../formats/tflite/c-array';
import { tfliteBytes, tfliteReadme } from '../formats/tflite/export';
import { labelsText } from '../formats/tflite/labels';
import { verificationProblem, verifyTflite } from '../formats/tflite/verify';

/** A file name from a model name: letters, digits, dots and dashes only. */
export function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'model';
}

/**
 * `about`: the library entry's name (the file's name and its metadata's) and MNIST test accuracy, when known;
 * `mnist`: the training images calibrate a full-integer file, the test images verify every file.
 */
export async function tfliteDownload(
  about: { name: string; testAccuracy: number | null },
  model: LayerModel,
  request: Request<'exportTflite'>,
  mnist: Mnist,
): Promise<Responses['exportTflite']> {
  let bytes: Uint8Array;
  try {
    const { quantize, inputShape, inputType, invert, labels } = request;
    bytes = tfliteBytes(model, { quantize, inputShape, inputType, invert, labels, about, calibration: mnist.train });
  } catch (error) {
    throw new ApiError(`cannot export to TensorFlow Lite: ${(error as Error).message}`);
  }
  const suffix = request.quantize === 'none' ? '' : `-${request.quantize}`;
  const base = `${safeFileName(about.name)}${suffix}`;
  const verification = await verifyTflite(bytes, model, mnist.test, { invert: request.invert });
  const files = { modelFile: `${base}.tflite`, labelsFile: `${base}.txt` };
  const text = (value: string): string => bytesToBase64(new TextEncoder().encode(value));
  const cArray = request.cArray ? cArrayFiles(bytes, files.modelFile) : null;
  return {
    model: { fileName: files.modelFile, data: bytesToBase64(bytes) },
    labels: { fileName: files.labelsFile, data: text(labelsText(request.labels)) },
    readme: { fileName: `${base}.README.md`, data: text(tfliteReadme(model, files, request)) },
    ...(cArray && { cArray: { source: { fileName: cArray.sourceFile, data: text(cArray.source) }, header: { fileName: cArray.headerFile, data: text(cArray.header) } } }),
    size: bytes.length,
    verification: {
      runtime: verification.runtime,
      accuracy: verification.accuracy,
      agreement: verification.agreement,
      maxDelta: verification.maxAbsDiff,
      problem: verificationProblem(request.quantize, verification),
    },
  };
}

export async function h5Download(name: string, model: LayerModel): Promise<Responses['downloadModel']> {
  try {
    return { fileName: `${safeFileName(name)}.h5`, data: bytesToBase64(await saveModelToH5Bytes(model)) };
  } catch (error) {
    throw new ApiError(`cannot save as Keras .h5: ${(error as Error).message}`);
  }
}

/** The user's drawings as an MNIST-style pair of IDX files (named like MNIST's own). */
export function samplesIdxDownload(set: DigitSet): Responses['exportSamples'] {
  if (set.count === 0) throw new ApiError('there are no saved drawings to export yet: draw a digit and confirm or correct its label');
  return {
    images: { fileName: 'my-digits-images-idx3-ubyte', data: bytesToBase64(idxImagesBytes(set.pixels, set.count, set.rows, set.cols)) },
    labels: { fileName: 'my-digits-labels-idx1-ubyte', data: bytesToBase64(idxLabelsBytes(set.labels)) },
    count: set.count,
  };
}
