/**
 * How to feed MNIST digits to any .tflite digit classifier and read its answer, from the file's own input and
 * output tensors: 784 values per image ([N,784], [N,28,28], [N,28,28,1], [N,1,28,28]) or RGB with R=G=B
 * ([N,28,28,3], [N,3,28,28]); float32 (pixels/255, or what the file's metadata says), uint8 (raw 0–255, or
 * pixels/255 through its quantization) or int8 (pixels/255 through its quantization); any batch size; 10
 * scores per image, float32 or dequantized uint8/int8. Anything else is refused in one line.
 */
import { NUM_CLASSES } from '../../api/model-spec';
import { tensorQuantization, type TfliteSummary, type TfliteTensorInfo } from './inspect';
import { metadataNormalization, type Normalization } from './metadata-normalization';

const PIXELS = 28 * 28;
/** The brightest pixel of a digit as MNIST stores it (0 = no ink). */
export const MAX_PIXEL = 255;

export type IoType = 'float32' | 'uint8' | 'int8';

interface Quantization {
  scale: number;
  zeroPoint: number;
}

/** (pixel − mean) / std is what a float32 input takes; without metadata saying otherwise, pixels/255 as MNIST models are trained. */
const PIXELS_OVER_255: Normalization = { mean: [0], std: [MAX_PIXEL] };

export interface ClassifierIo {
  /** Images per run: the file's batch dimension (a dynamic one counts as the size its shape records). */
  batch: number;
  input: {
    shape: number[];
    type: IoType;
    /** How the 784 pixels sit in one image's values: as they are, R=G=B interleaved, or three planes. */
    layout: 'gray' | 'rgb' | 'rgb-planes';
    quantization: Quantization | null;
    normalization: Normalization;
    /** Whether the normalization is the file's own (its TFLite Model Metadata) or the MNIST default. */
    normalizationFrom: 'metadata' | 'default';
  };
  output: { shape: number[]; type: IoType; quantization: Quantization | null };
}

const isIoType = (type: string): type is IoType => type === 'float32' || type === 'uint8' || type === 'int8';
const shapeText = (t: TfliteTensorInfo): string => `${t.type} [${(t.shapeSignature ?? t.shape).join(',')}]`;

/** [N, …per image] → N and the per-image dimensions (a tensor without a batch axis holds one image); batch 0 when neither fits. */
function splitBatch(shape: number[], perImage: readonly number[]): { batch: number; image: number[] } {
  const size = (dims: number[]): number => dims.reduce((a, b) => a * b, 1);
  if (shape.length > 1 && perImage.includes(size(shape.slice(1)))) return { batch: shape[0], image: shape.slice(1) };
  return { batch: perImage.includes(size(shape)) ? 1 : 0, image: shape };
}

function layoutOf(image: number[]): ClassifierIo['input']['layout'] | null {
  const size = image.reduce((a, b) => a * b, 1);
  if (size === PIXELS) return 'gray';
  if (size !== 3 * PIXELS) return null;
  if (image.at(-1) === 3) return 'rgb';
  return image[0] === 3 ? 'rgb-planes' : null;
}

/** The feeding plan for a file, or an Error whose message says in one line why it is not a digit classifier Digit Studio can feed. */
export function classifierIo(summary: TfliteSummary, bytes: Uint8Array): ClassifierIo {
  if (summary.inputs.length !== 1 || summary.outputs.length !== 1) {
    throw new Error(`the model takes ${summary.inputs.length} input(s) and gives ${summary.outputs.length} output(s); a digit classifier takes one image tensor and gives one score tensor`);
  }
  const input = summary.tensors[summary.inputs[0]];
  const output = summary.tensors[summary.outputs[0]];
  if (!input || !output) throw new Error('the model names an input or output tensor it does not have');
  const fed = splitBatch(input.shape, [PIXELS, 3 * PIXELS]);
  const layout = layoutOf(fed.image);
  if (!fed.batch || !layout) {
    throw new Error(`the model's input is ${shapeText(input)}: a digit classifier takes 28×28 images (784 values, or 28×28×3 RGB) per batch entry`);
  }
  const answer = splitBatch(output.shape, [NUM_CLASSES]);
  if (answer.batch !== fed.batch) {
    throw new Error(`the model's output is ${shapeText(output)}: a digit classifier gives ${NUM_CLASSES} scores (digits 0–9) per image`);
  }
  for (const [role, t] of [['input', input] as const, ['output', output] as const]) {
    if (!isIoType(t.type)) throw new Error(`the model's ${role} is ${shapeText(t)}: Digit Studio feeds and reads float32, uint8 or int8 tensors`);
  }
  const [inputQuantization, outputQuantization] = [tensorQuantization(bytes, input.index), tensorQuantization(bytes, output.index)];
  if ((input.type === 'int8' && !inputQuantization) || (output.type === 'int8' && !outputQuantization)) {
    throw new Error('the model has an int8 input or output without a scale and zero point, so there is no telling what its values mean');
  }
  const normalization = input.type === 'float32' ? metadataNormalization(bytes) : null;
  return {
    batch: fed.batch,
    input: {
      shape: input.shape,
      type: input.type as IoType,
      layout,
      quantization: inputQuantization,
      normalization: normalization ?? PIXELS_OVER_255,
      normalizationFrom: normalization ? 'metadata' : 'default',
    },
    output: { shape: output.shape, type: output.type as IoType, quantization: outputQuantization },
  };
}

/** One line for reports: "uint8 [1,28,28,3], R=G=B, pixels through scale 0.00392 / zero point 0". */
export function describeInput({ input }: ClassifierIo): string {
  const colour = input.layout === 'gray' ? '' : ', R=G=B';
  const q = input.quantization;
  const list = (values: number[]): string => (values.length === 1 ? String(values[0]) : `[${values.join(', ')}]`);
  const { mean, std } = input.normalization;
  const values =
    input.type === 'float32'
      ? `(pixel − ${list(mean)}) / ${list(std)}${input.normalizationFrom === 'metadata' ? ' as its metadata says' : ''}`
      : input.type === 'uint8'
        ? 'raw pixels 0–255'
        : `pixels − 128${q ? ` (scale ${q.scale.toPrecision(3)}, zero point ${q.zeroPoint})` : ''}`;
  return `${input.type} [${input.shape.join(',')}]${colour}, ${values}`;
}

/**
 * What one pixel (0–255) becomes in the input tensor, in colour channel `channel` (0 for a grayscale input). An
 * integer input gets the pixel's byte as image classifiers feed it (MediaPipe, the Task Library, ML Kit): uint8 the
 * raw pixel, int8 the pixel − 128, whatever its scale says. The converter maps the calibration data's range onto
 * the whole byte, so a model calibrated on 0–1, −1–1 or 0–255 pixels alike reads raw bytes; feeding pixels/255
 * through its scale reads only the first (converter-made files calibrated otherwise scored 9–15 % that way, 97–98 %
 * on raw bytes).
 */
function pixelValue({ input }: ClassifierIo): (pixel: number, channel: number) => number {
  if (input.type === 'float32') {
    const { mean, std } = input.normalization;
    return (p, c) => (p - mean[c % mean.length]) / std[c % std.length];
  }
  // Rounded, not truncated when stored: a drawing's pixels are fractions.
  const shift = input.type === 'uint8' ? 0 : 128;
  return (p) => Math.round(p) - shift;
}

/**
 * The input values for `count` images starting at image `first` of `pixels` (784 values each from 0 = no ink to 255;
 * a drawing's are fractions), in a batch-sized array (entries past `count` stay zero); int8 values are returned as
 * numbers for the caller to store.
 */
export function encodeImages(io: ClassifierIo, pixels: ArrayLike<number>, first: number, count: number): Float32Array<ArrayBuffer> {
  const value = pixelValue(io);
  const channels = io.input.layout === 'gray' ? 1 : 3;
  const values = new Float32Array(io.batch * PIXELS * channels);
  for (let image = 0; image < count; image++) {
    const source = (first + image) * PIXELS;
    const target = image * PIXELS * channels;
    for (let p = 0; p < PIXELS; p++) {
      const pixel = pixels[source + p];
      if (io.input.layout === 'gray') values[target + p] = value(pixel, 0);
      else if (io.input.layout === 'rgb') for (let c = 0; c < 3; c++) values[target + 3 * p + c] = value(pixel, c);
      else for (let c = 0; c < 3; c++) values[target + c * PIXELS + p] = value(pixel, c);
    }
  }
  return values;
}

/** The 10 scores per image as real numbers: float32 as they are, uint8/int8 dequantized. */
export function decodeScores(io: ClassifierIo, raw: ArrayLike<number>): Float32Array {
  const q = io.output.quantization;
  return q ? Float32Array.from(raw, (v) => q.scale * (v - q.zeroPoint)) : Float32Array.from(raw);
}
