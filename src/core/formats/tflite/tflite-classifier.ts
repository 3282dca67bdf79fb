/**
 * Runs any .tflite digit classifier in LiteRT.js on a set of 28×28 digits, in whatever input form the file has
 * (classifier-io.ts), and returns its 10 scores per digit as real numbers: a whole set at once, or one drawing at a time
 * from a classifier kept open.
 */
import type { CompiledModel, Tensor } from '@litertjs/core';
import { NUM_CLASSES } from '../../api/model-spec';
import type { DigitSet } from '../../dataset';
import { classifierIo, decodeScores, describeInput, encodeImages, type ClassifierIo } from './classifier-io';
import { inspectTflite } from './inspect';
import { compileTflite, loadLiteRt } from './litert';
import { withStaticShapes } from './static-shapes';
import { uint8Io, withUint8Ends } from './uint8-ends';

export interface TfliteScores {
  runtime: string;
  /** How the digits were fed, in one line ("float32 [1,784], (pixel − 0) / 255"). */
  input: string;
  /** 10 per digit, in the set's order. */
  scores: Float32Array;
}

/** The feeding plan for a file, or an Error saying in one line why it is not a digit classifier Digit Studio can run. */
export function digitClassifierIo(bytes: Uint8Array): ClassifierIo {
  return classifierIo(inspectTflite(bytes), bytes);
}

/** The input tensor's values: float32, or uint8 (an int8 input is fed through withUint8Ends). */
function inputArray(io: ClassifierIo, values: Float32Array<ArrayBuffer>): Float32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> {
  return io.input.type === 'float32' ? values : Uint8Array.from(values);
}

/**
 * The first output of one run. A model the runtime cannot prepare (an op it lacks) still "runs": it logs why and
 * returns garbage, so the errors it logged are thrown instead.
 */
async function runBatch(compiled: CompiledModel, tensor: Tensor, log: string[]): Promise<ArrayLike<number>> {
  const logged = log.length;
  const results = await compiled.run([tensor]);
  try {
    const errors = log.slice(logged).filter((line) => line.startsWith('ERROR: '));
    if (errors.length) throw new Error(errors.map((line) => line.slice('ERROR: '.length).replace(/^\[[^\]]*\]/, '').trim()).join(' '));
    return results[0].toTypedArray();
  } finally {
    for (const r of results) r.delete();
  }
}

/** A .tflite digit classifier compiled in LiteRT.js, ready to read digits until it is closed. */
export interface OpenedClassifier {
  runtime: string;
  /** How the digits are fed, in one line ("float32 [1,784], (pixel − 0) / 255"). */
  input: string;
  /** The most digits one classify() call takes: the file's batch dimension. */
  batch: number;
  /**
   * The 10 scores per digit for `count` (at most `batch`) digits starting at digit `first` of `pixels`, 784 values
   * per digit from 0 (no ink) to 255 (fractions allowed).
   */
  classify(pixels: ArrayLike<number>, first: number, count: number): Promise<Float32Array>;
  /** Frees the runtime's copy of the model; classify() must not be called after. */
  close(): void;
}

/** Compiles the file in LiteRT.js, or fails in one line saying why it is not a digit classifier it can run. */
export async function openClassifier(bytes: Uint8Array): Promise<OpenedClassifier> {
  const declared = digitClassifierIo(bytes);
  const hasInt8End = declared.input.type === 'int8' || declared.output.type === 'int8';
  const io = hasInt8End ? uint8Io(declared) : declared;
  const { litert, log } = await loadLiteRt();
  const { compiled, runtime } = await compileTflite(hasInt8End ? withUint8Ends(withStaticShapes(bytes)) : withStaticShapes(bytes));
  return {
    runtime,
    input: describeInput(declared),
    batch: io.batch,
    async classify(pixels, first, count) {
      try {
        const tensor = new litert.Tensor(inputArray(io, encodeImages(io, pixels, first, count)), io.input.shape);
        const raw = await runBatch(compiled, tensor, log).finally(() => tensor.delete());
        return decodeScores(io, raw).subarray(0, count * NUM_CLASSES);
      } catch (error) {
        throw new Error(`${runtime} cannot run the model: ${(error as Error).message.split('\n')[0]}`);
      }
    },
    close: () => compiled.delete(),
  };
}

export async function classifyDigits(bytes: Uint8Array, set: DigitSet): Promise<TfliteScores> {
  const classifier = await openClassifier(bytes);
  try {
    const scores = new Float32Array(set.count * NUM_CLASSES);
    for (let first = 0; first < set.count; first += classifier.batch) {
      scores.set(await classifier.classify(set.pixels, first, Math.min(classifier.batch, set.count - first)), first * NUM_CLASSES);
    }
    return { runtime: classifier.runtime, input: classifier.input, scores };
  } finally {
    classifier.close();
  }
}
